"""Pipeline stages: pure ``Document -> Document`` functions, one module each."""
