"""The app in the desktop: its entry, icons, AppStream metadata and support bundle file type."""
