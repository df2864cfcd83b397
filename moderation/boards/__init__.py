"""The Boards: the People's Inspection Board and the Community Investment Supervision Boards
(``models``), their rosters and the law's composition rules (``roster``), which Board gets an
approved petition (``routing``), the roster and holiday pages (``views``) and the demo Boards."""
