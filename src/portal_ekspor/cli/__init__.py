"""The `portal` command for program staff (messages in Bahasa Indonesia)."""
