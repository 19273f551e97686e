/* article: one article file parsed into metadata and paragraphs.
 * Understands YAML front matter and raw text saved from web pages (page
 * chrome removed).  All strings are valid, sanitised UTF-8 (text_clean). No
 * curses. */
#ifndef INKSTONE_ARTICLE_H
#define INKSTONE_ARTICLE_H

#include <stddef.h>

struct article_para {
	char	*text;	/* NUL-terminated; no newline inside */
	size_t	 len;
};

struct article {
	char			*path;		/* as given */
	char			*title;		/* never NULL ("" at worst) */
	int			 title_derived;	/* 1: taken from the first sentence */
	char			*source;	/* NULL when unknown */
	char			*date;		/* as written, NULL when unknown */
	char			 date_iso[17];	/* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM", "" unknown */
	char			*url;
	char			*author;
	char			*lang;
	char			**tags;		/* from front matter */
	size_t			 ntags;
	char			**highlights;	/* the publisher's */
	size_t			 nhighlights;
	struct article_para	*paras;		/* the body */
	size_t			 npara;
	char			**related;	/* related-article teasers, apart from the body */
	size_t			 nrelated;
	char			*error;		/* "file:line:col: message" for a
						   front matter or encoding
						   problem; the body is still
						   shown.  NULL when clean. */
};

/* Parses buf[0..len) (any bytes) as the article named path.  Never fails:
 * problems are reported in ->error.  A path ending in .md or .markdown is
 * read as Markdown (blank lines separate paragraphs), anything else as raw
 * text (one paragraph a line).  Without front matter the raw-text rules
 * find the headline, date, byline, highlights and related teasers and drop
 * page chrome (man page, ARTICLE FORMAT).  The caller frees with
 * article_free(). */
struct article	*article_parse(const char *path, const char *buf, size_t len);

/* Reads and parses a file.  Returns NULL with *cause set ("PATH: reason",
 * allocated) when the file cannot be read, is above 64 MB, or is not text
 * ("PATH: binary file, not an article": NUL bytes or many control bytes
 * in its first 8 KB). */
struct article	*article_load(const char *path, char **cause);

/* article_load for a file already read into buf[0..len): NULL with
 * *cause set when it is not text. */
struct article	*article_read(const char *path, const char *buf, size_t len,
		    char **cause);

/* Where the body starts in a file's raw bytes raw[0..len) when it opens
 * with a closed front matter block that the parser reads the same way
 * (no CR in it, not over the parser's size limit); else 0. */
size_t		 article_body_offset(const char *raw, size_t len);

/* The largest file article_load reads. */
#define ARTICLE_MAX_SIZE	(64u * 1024 * 1024)

void		 article_free(struct article *a);

/* Finds the first date in s ("May 27, 2025, 12:00 AM", "27 May 2025",
 * "2025-05-27", "2025/05/27", "2025年5月27日", ...) and writes it to iso as
 * "YYYY-MM-DD" or, with a time, "YYYY-MM-DD HH:MM".  Returns 0, or -1 with
 * iso set to "" when there is none. */
int		 article_parse_date(const char *s, char iso[17]);

#endif
