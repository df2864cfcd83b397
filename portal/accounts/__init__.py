"""Staff accounts, roles, login, TOTP second factor and account administration."""
