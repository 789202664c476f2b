"""A draft pack from an article's text (`brief new`): pure, text in and pack data out.

The finders gather the raw material, verbatim and located: sentences (pysbd), dates
(dateparser, with fixed settings), numbers, quotes with their speakers, actors and
acronyms. Everything to be said in the curator's own words is left as a TODO
placeholder, which `quiz check` reports until it is written.
"""
