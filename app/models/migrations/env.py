"""Alembic environment: always run by app.models.migrate with a live connection."""

from alembic import context

from app.models import Base, declare_all

declare_all()

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
)
with context.begin_transaction():
    context.run_migrations()
