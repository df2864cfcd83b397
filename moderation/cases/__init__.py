"""A Board's case on an approved petition: the transitions (``triage``), the referral to the
competent authority (``referral``), who may do what (``permissions``), working days and deadlines
(``deadlines``, ``clocks``), and the staff workspace (``views``, ``forms``, ``filters``)."""
