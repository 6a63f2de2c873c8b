"""Dialogs of the 设置 and 文件 menus: office, operator, holidays, backups."""
