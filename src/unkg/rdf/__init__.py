"""Everything that knows RDF terms: namespaces, IRI minting, model -> rdflib Graph."""
