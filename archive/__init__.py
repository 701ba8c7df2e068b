"""newsarchive's archive side: the store, search, export, the CLI and the demo portal."""
