"""Qt widgets. Views call app.services and show plain data; they never write SQL."""
