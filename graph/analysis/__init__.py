"""Network analysis of the views: partners, centrality, brokers, communities, paths, profiles, comparison.

One concept per module; functions take a view (a networkx graph from :mod:`graph.views`) or the
knowledge graph first and return pandas DataFrames.
"""
