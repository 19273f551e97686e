/* frontmatter: the YAML block between a "---" first line and the next
 * "---" (or "...") line.  Read with libyaml's event API so that unknown
 * keys of any shape are skipped without building a tree, with our own
 * limits on size and nesting (the Debian libyaml has none).  Errors carry
 * the position in the file: libyaml's marks are 0-based and relative to
 * the text we hand it, which starts on line 2. */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "inkstone/text.h"
#include "inkstone/util.h"
#include "article_int.h"

enum field_kind { F_TEXT, F_LIST };
#define NFIELDS	8

struct fm {
	yaml_parser_t	 p;
	struct article	*a;
	const char	*text;
	size_t		 line0;		/* file line of the text's first line */
	int		 depth;
	int		 failed;
	size_t		 errline;	/* 0-based line of a syntax error */
	size_t		 touched[NFIELDS]; /* last line that set each field */
};

struct field {
	const char	*name;
	enum field_kind	 kind;
	size_t		 off;
};

static const struct field fields[NFIELDS] = {
	{ "title", F_TEXT, offsetof(struct article, title) },
	{ "source", F_TEXT, offsetof(struct article, source) },
	{ "date", F_TEXT, offsetof(struct article, date) },
	{ "url", F_TEXT, offsetof(struct article, url) },
	{ "author", F_TEXT, offsetof(struct article, author) },
	{ "lang", F_TEXT, offsetof(struct article, lang) },
	{ "tags", F_LIST, offsetof(struct article, tags) },
	{ "highlights", F_LIST, offsetof(struct article, highlights) },
};

static void
fm_error(struct fm *fm, const yaml_mark_t *m, const char *what)
{
	article_error(fm->a, m->line + fm->line0, m->column + 1, "%s", what);
	fm->failed = 1;
	fm->errline = m->line;
}

/* libyaml's reader errors give a byte offset, not a mark. */
static void
reader_error(struct fm *fm)
{
	yaml_mark_t	 m = { 0, 0, 0 };
	size_t		 i, k;
	uint32_t	 cp;

	for (i = 0; i < fm->p.problem_offset; i += k) {
		k = text_decode(fm->text + i, fm->p.problem_offset - i, &cp);
		if (cp == '\n') {
			m.line++;
			m.column = 0;
		} else
			m.column++;
	}
	fm_error(fm, &m, fm->p.problem);
}

/* The next event, with nesting counted.  Returns 0 after an error. */
static int
next(struct fm *fm, yaml_event_t *ev)
{
	char	*msg;

	if (fm->failed)
		return 0;
	if (!yaml_parser_parse(&fm->p, ev)) {
		if (fm->p.error == YAML_READER_ERROR)
			reader_error(fm);
		else {
			msg = fm->p.context != NULL ? xasprintf("%s %s",
			    fm->p.problem, fm->p.context) :
			    xstrdup(fm->p.problem != NULL ? fm->p.problem :
			    "invalid YAML");
			fm_error(fm, &fm->p.problem_mark, msg);
			free(msg);
		}
		return 0;
	}
	if (ev->type == YAML_SEQUENCE_START_EVENT ||
	    ev->type == YAML_MAPPING_START_EVENT) {
		if (++fm->depth > ARTICLE_FM_DEPTH) {
			fm_error(fm, &ev->start_mark,
			    "front matter nested too deeply");
			yaml_event_delete(ev);
			return 0;
		}
	} else if (ev->type == YAML_SEQUENCE_END_EVENT ||
	    ev->type == YAML_MAPPING_END_EVENT)
		fm->depth--;
	return 1;
}

/* Consumes the rest of the node that ev starts (and deletes ev). */
static int
skip(struct fm *fm, yaml_event_t *ev)
{
	int	 d = fm->depth;

	if (ev->type != YAML_SEQUENCE_START_EVENT &&
	    ev->type != YAML_MAPPING_START_EVENT) {
		yaml_event_delete(ev);
		return 1;
	}
	yaml_event_delete(ev);
	while (fm->depth >= d) {
		if (!next(fm, ev))
			return 0;
		yaml_event_delete(ev);
	}
	return 1;
}

static int
is_null(const yaml_event_t *ev)
{
	const char	*v = (const char *)ev->data.scalar.value;

	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	return *v == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	    strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

static void
add_item(struct article *a, const struct field *f, const char *v, size_t len)
{
	char	***list = (char ***)((char *)a + f->off);
	size_t	  *n = f->off == offsetof(struct article, tags) ? &a->ntags :
		      &a->nhighlights;

	while (len > 0 && (*v == ' ' || *v == '\t'))
		v++, len--;
	while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t'))
		len--;
	if (len > 0)
		article_add(list, n, v, len);
}

static void
set_scalar(struct fm *fm, const struct field *f, const yaml_event_t *ev)
{
	struct article	*a = fm->a;
	const char	*v = (const char *)ev->data.scalar.value, *c;
	size_t		 len = ev->data.scalar.length;
	char		**slot;

	if (is_null(ev))
		return;
	fm->touched[f - fields] = ev->start_mark.line;
	if (f->kind == F_TEXT) {
		slot = (char **)((char *)a + f->off);
		free(*slot);
		*slot = xstrndup(v, len);
		if (slot == &a->date)
			article_parse_date(a->date, a->date_iso);
		return;
	}
	/* "tags: a, b" is a list written on one line. */
	if (f->off == offsetof(struct article, tags)) {
		while ((c = memchr(v, ',', len)) != NULL) {
			add_item(a, f, v, (size_t)(c - v));
			len -= (size_t)(c - v) + 1;
			v = c + 1;
		}
	}
	add_item(a, f, v, len);
}

static int
value(struct fm *fm, const struct field *f, yaml_event_t *ev)
{
	char	*msg;

	if (!next(fm, ev))
		return 0;
	if (f == NULL || ev->type == YAML_ALIAS_EVENT)
		return skip(fm, ev);
	if (ev->type == YAML_SCALAR_EVENT) {
		set_scalar(fm, f, ev);
		yaml_event_delete(ev);
		return 1;
	}
	if (ev->type == YAML_SEQUENCE_START_EVENT && f->kind == F_LIST) {
		yaml_event_delete(ev);
		for (;;) {
			if (!next(fm, ev))
				return 0;
			if (ev->type == YAML_SEQUENCE_END_EVENT)
				break;
			if (ev->type == YAML_SCALAR_EVENT)
				set_scalar(fm, f, ev);
			else if (ev->type != YAML_ALIAS_EVENT) {
				msg = xasprintf("%s: items must be text",
				    f->name);
				article_error(fm->a, ev->start_mark.line +
				    fm->line0, ev->start_mark.column + 1, "%s",
				    msg);
				free(msg);
			}
			if (!skip(fm, ev))
				return 0;
		}
		yaml_event_delete(ev);
		return 1;
	}
	article_error(fm->a, ev->start_mark.line + fm->line0,
	    ev->start_mark.column + 1, "%s: expected %s", f->name,
	    f->kind == F_TEXT ? "text" : "a list");
	return skip(fm, ev);
}

static const struct field *
lookup(const yaml_event_t *ev)
{
	size_t	 i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (strcmp((const char *)ev->data.scalar.value,
		    fields[i].name) == 0)
			return &fields[i];
	return NULL;
}

static void
parse(struct fm *fm)
{
	yaml_event_t		 ev;
	const struct field	*f;
	int			 done;

	for (;;) {
		if (!next(fm, &ev))
			return;
		done = ev.type == YAML_STREAM_END_EVENT ||
		    (ev.type == YAML_SCALAR_EVENT && is_null(&ev));
		if (done || ev.type == YAML_MAPPING_START_EVENT)
			break;
		if (ev.type != YAML_STREAM_START_EVENT &&
		    ev.type != YAML_DOCUMENT_START_EVENT) {
			fm_error(fm, &ev.start_mark,
			    "front matter is not a mapping of keys");
			yaml_event_delete(&ev);
			return;
		}
		yaml_event_delete(&ev);
	}
	yaml_event_delete(&ev);
	if (done)
		return;	/* empty front matter */
	for (;;) {
		if (!next(fm, &ev))
			return;
		if (ev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		f = ev.type == YAML_SCALAR_EVENT ? lookup(&ev) : NULL;
		if (!skip(fm, &ev) || !value(fm, f, &ev))
			return;
	}
	/* Read on to the end so that errors after the mapping are seen. */
	do {
		if (!next(fm, &ev))
			return;
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	} while (!done);
}

/* After a syntax error, what was read on the error's line or after it is
 * not to be trusted ("author: Jane: Doe" yields "Jane" before the error):
 * only the keys above that line are kept. */
static void
forget(struct fm *fm)
{
	struct article	*a = fm->a;
	size_t		 i, j, *n;
	char		***list;

	for (i = 0; i < NFIELDS; i++) {
		if (fm->touched[i] == SIZE_MAX || fm->touched[i] < fm->errline)
			continue;
		if (fields[i].kind == F_TEXT) {
			free(*(char **)((char *)a + fields[i].off));
			*(char **)((char *)a + fields[i].off) = NULL;
			if (fields[i].off == offsetof(struct article, date))
				a->date_iso[0] = '\0';
			continue;
		}
		list = (char ***)((char *)a + fields[i].off);
		n = fields[i].off == offsetof(struct article, tags) ?
		    &a->ntags : &a->nhighlights;
		for (j = 0; j < *n; j++)
			free((*list)[j]);
		free(*list);
		*list = NULL;
		*n = 0;
	}
}

/* Whether the line at s[off..] is the delimiter d (trailing blanks
 * allowed); *next gets the offset after the line. */
static int
delim(const char *s, size_t len, size_t off, const char *d, size_t *nextoff)
{
	const char	*nl = memchr(s + off, '\n', len - off);
	size_t		 end = nl != NULL ? (size_t)(nl - s) : len, e = end;

	*nextoff = nl != NULL ? end + 1 : len;
	while (e > off && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	return e - off == 3 && memcmp(s + off, d, 3) == 0;
}

size_t
article_body_offset(const char *raw, size_t len)
{
	size_t	start, off, nextoff, bom = 0;

	if (len >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0)
		bom = 3;
	if (!delim(raw, len, bom, "---", &start) || start == len)
		return 0;
	for (off = start; off < len; off = nextoff) {
		if (delim(raw, len, off, "---", &nextoff) ||
		    delim(raw, len, off, "...", &nextoff))
			break;
		if (off - start > ARTICLE_FM_MAX)
			return 0;
	}
	/* A CR would make lines of its own where the parser reads. */
	if (off >= len || memchr(raw, '\r', nextoff) != NULL)
		return 0;
	return nextoff;
}

int
article_frontmatter(struct article *a, const char *s, size_t len,
    size_t *body)
{
	struct fm	 fm;
	size_t		 start, off, nextoff, line = 2, i;

	*body = 0;
	if (!delim(s, len, 0, "---", &start) || start == len)
		return 0;
	for (off = start; off < len; off = nextoff, line++) {
		if (delim(s, len, off, "---", &nextoff) ||
		    delim(s, len, off, "...", &nextoff))
			break;
		if (off - start > ARTICLE_FM_MAX) {
			article_error(a, line, 1, "front matter larger than "
			    "%d KB", ARTICLE_FM_MAX / 1024);
			*body = start;
			return 0;
		}
	}
	if (off >= len) {
		article_error(a, 1, 1, "front matter is not closed "
		    "(no \"---\" line after it)");
		*body = start;
		return 0;
	}
	*body = nextoff;
	memset(&fm, 0, sizeof fm);
	for (i = 0; i < NFIELDS; i++)
		fm.touched[i] = SIZE_MAX;
	fm.a = a;
	fm.text = s + start;
	fm.line0 = 2;
	if (!yaml_parser_initialize(&fm.p)) {
		article_error(a, 2, 1, "cannot start the YAML parser");
		return 1;
	}
	yaml_parser_set_input_string(&fm.p, (const unsigned char *)s + start,
	    off - start);
	yaml_parser_set_encoding(&fm.p, YAML_UTF8_ENCODING);
	parse(&fm);
	if (fm.failed)
		forget(&fm);
	yaml_parser_delete(&fm.p);
	return 1;
}
