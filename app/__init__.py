"""Hexie Desk (和谐台账): an offline desk for county labor-relations offices."""

__version__ = "0.1.0"
APP_NAME = "HexieDesk"
