/* article_int.h: what the files of the article module share (article.c,
 * frontmatter.c, rawtext.c, rawline.c, artdate.c).  Not a public header:
 * nothing outside the module includes it. */
#ifndef INKSTONE_ARTICLE_INT_H
#define INKSTONE_ARTICLE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "inkstone/article.h"

/* Front matter above this many bytes is refused (libyaml has no limit). */
#define ARTICLE_FM_MAX		(256 * 1024)
/* Deepest nesting of collections accepted in front matter. */
#define ARTICLE_FM_DEPTH	32

/* Lines are measured up to this many units (words, a CJK character
 * counting half): no rule asks about more. */
#define ARTICLE_UNITS_MAX	64

/* One paragraph candidate: a line of raw text, or a joined Markdown
 * paragraph.  Repaired UTF-8, not yet sanitised, no newline inside. */
struct article_block {
	char	*text;
	size_t	 len;
	int	 heading;	/* Markdown heading level, 0 for none */
};

/* What the raw-text rules know about one block. */
struct article_feat {
	size_t	 units;		/* words, a CJK character counting half,
				   at most ARTICLE_UNITS_MAX + 1 */
	int	 sentend;	/* ends with sentence punctuation */
	int	 para;		/* long and sentence-ended: body text */
	int	 upper;		/* letters present, none lowercase */
	size_t	 bullet;	/* bytes of a leading bullet marker, 0 none */
};

/* article.c */
void	 article_error(struct article *, size_t, size_t, const char *, ...)
	    __attribute__((format(printf, 4, 5)));
void	 article_add(char ***, size_t *, const char *, size_t);
int	 article_cp_cjk(uint32_t);
int	 article_cp_space(uint32_t);

/* frontmatter.c: if s starts with a front matter block, parses it into a
 * and returns 1 with *body set to the offset of the text after it.
 * Returns 0 with *body set when there is none (0) or when it is not
 * closed (the offset after the opening line; the error is in a). */
int	 article_frontmatter(struct article *, const char *, size_t,
	    size_t *);

/* rawline.c: the features and line classes the raw-text rules use. */
void	 article_feat(const char *, size_t, struct article_feat *);
int	 article_is_hashtags(const char *, size_t);
int	 article_is_cta(const char *, size_t, const struct article_feat *);
int	 article_is_comments(const char *, size_t, const struct article_feat *);
int	 article_is_share(const char *, size_t, const struct article_feat *);
int	 article_is_ad(const char *, size_t, const struct article_feat *);
int	 article_is_label(const char *, size_t, const struct article_feat *);
int	 article_is_you(const char *, size_t, const struct article_feat *);
int	 article_is_breadcrumb(const char *, size_t);
int	 article_is_related(const char *, size_t, const struct article_feat *);
size_t	 article_is_related_inline(const char *, size_t);
int	 article_is_hl_header(const char *, size_t, const struct article_feat *);
int	 article_source(const char *, size_t, const struct article_feat *,
	    int, char **, char **);

/* artdate.c: 1 if s[0..len) is a date line (a date, a time and filler
 * words only); iso gets the date when it is one. */
int	 article_date_line(const char *, size_t, char [17]);
/* 1 if s[0..len) is a bare time or relative time ("12:00 AM", "3 hours
 * ago", "5 min read"). */
int	 article_time_line(const char *, size_t);

/* rawtext.c: the raw-text rules: fill a's title, date, source, author,
 * highlights, related and paragraphs from the blocks.  Takes the blocks'
 * text (frees or moves every one). */
void	 article_raw(struct article *, struct article_block *, size_t);

#endif
