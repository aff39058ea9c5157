"""Named-entity recognition: CRF tagger, features, training, gazetteers and aliases."""
