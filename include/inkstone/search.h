/* search: finding a string in article text the way a reader expects:
 * case-insensitive for scripts with case (Unicode full case folding, so
 * "STRASSE" finds "Straße"), exact for CJK.  Works on whole paragraphs,
 * so a match that the wrapper splits over two lines is still found.
 * Matches are byte spans of the original text.  No curses. */
#ifndef INKSTONE_SEARCH_H
#define INKSTONE_SEARCH_H

#include <stddef.h>

struct search;

struct search_span {
	size_t	start;	/* first byte of the match */
	size_t	end;	/* one past its last byte */
};

struct search_spans {
	struct search_span	*v;
	size_t			 n;
	size_t			 cap;
};

/* Compiles the valid UTF-8 needle.  Returns NULL if it folds to nothing
 * (empty).  Free with search_free(). */
struct search	*search_new(const char *needle);
void		 search_free(struct search *s);

/* Appends every non-overlapping match in the valid UTF-8 text s[0..len)
 * to out, in order.  Returns how many were appended. */
size_t		 search_find(const struct search *s, const char *text,
		    size_t len, struct search_spans *out);

/* 1 if text s[0..len) holds a match, else 0. */
int		 search_contains(const struct search *s, const char *text,
		    size_t len);

void		 search_spans_free(struct search_spans *out);

/* A fast test on an article's raw file bytes raw[0..len) (raw[len] must
 * be NUL): 0 only if the parsed article cannot hold a match, so the file
 * need not be parsed.  1 means maybe. */
int		 search_may_contain(const struct search *s, const char *raw,
		    size_t len);
/* A fast yes on the body of an article file with front matter (the raw
 * bytes after it, a C string: see article_body_offset): 1 only if the
 * parsed article holds a match (a needle the parser cannot change, found
 * case-insensitively).  0 means do not know: parse and search. */
int		 search_in_body(const struct search *s, const char *body);

#endif
