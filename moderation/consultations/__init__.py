"""Consultation comments on draft documents (``views``) and the synthesis of a closed
consultation (``synthesis``, ``synthesis_views``, ``models``)."""
