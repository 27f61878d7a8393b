"""Reading staff-written files safely, keeping line numbers for messages."""
