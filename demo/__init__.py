"""Demo and test tooling that the running portal does not need: ``minipdf`` writes the small
A4 PDFs of the demo disclosures (``flask demo load``) and of the tests."""
