// Module Diagnostics.
