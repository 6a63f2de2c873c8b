"""The doors' view of the office server's login (app/models/server_login.py): the
prompt they install, the keyring they may keep a password in, and a cancelled
prompt. The views and the CLI import these names from here, never app.models."""

from app.models.server_login import (
    LoginCancelled,
    Prompt,
    keyring_password,
    remember_password,
    set_prompt,
)

__all__ = ["LoginCancelled", "Prompt", "keyring_password", "remember_password", "set_prompt"]
