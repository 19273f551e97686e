/* article: one file parsed into metadata and paragraphs.  The bytes are
 * checked (the first invalid UTF-8 is reported), repaired, split off their
 * front matter, cut into blocks (a line of raw text, or a Markdown
 * paragraph), and then either taken as they are (front matter: the author
 * wrote the file) or sorted by the raw-text rules (rawtext.c).  Every
 * string is cleaned last, so no rule can let a control character through. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "inkstone/text.h"
#include "inkstone/util.h"
#include "article_int.h"

#define BINARY_SAMPLE		8192
#define TITLE_MAX		80	/* characters of a derived title */

struct blocks {
	struct article_block	*v;
	size_t			 n;
	size_t			 cap;
	struct buf		 cur;
	int			 heading;
};

void
article_error(struct article *a, size_t line, size_t col, const char *fmt,
    ...)
{
	va_list	 ap;
	char	*msg;

	if (a->error != NULL)
		return;	/* the first problem is the one to fix first */
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	a->error = xasprintf("%s:%zu:%zu: %s", a->path, line, col, msg);
	free(msg);
}

void
article_add(char ***list, size_t *n, const char *s, size_t len)
{
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = xstrndup(s, len);
}

/* Han, kana, CJK punctuation and full-width forms: the scripts written
 * without spaces.  Hangul is not here: Korean puts spaces between words. */
int
article_cp_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x2FDF) ||	/* radicals */
	    (cp >= 0x3001 && cp <= 0x303F) ||		/* CJK punctuation */
	    (cp >= 0x3040 && cp <= 0x30FF) ||		/* kana */
	    (cp >= 0x31F0 && cp <= 0x31FF) ||
	    (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFF00 && cp <= 0xFF60) ||		/* full-width forms */
	    (cp >= 0xFF61 && cp <= 0xFF9F) ||		/* half-width kana */
	    (cp >= 0x20000 && cp <= 0x3FFFF);
}

int
article_cp_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x3000 ||
	    (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
	    cp == 0xFEFF;
}

static int
is_markdown(const char *path)
{
	const char	*dot = strrchr(path, '.');

	return dot != NULL && strchr(dot, '/') == NULL &&
	    (strcasecmp(dot, ".md") == 0 || strcasecmp(dot, ".markdown") == 0);
}

/* Reports the first invalid byte as LINE:COL, counting lines as the
 * repair will (LF, CR LF, lone CR) and columns in characters, each
 * invalid byte one character, as libyaml counts them. */
static void
check_encoding(struct article *a, const char *s, size_t len)
{
	size_t		 bad, i, k, line = 1, col = 1;
	uint32_t	 cp;

	if (text_valid(s, len, &bad))
		return;
	for (i = 0; i < bad; i += k) {
		k = text_decode(s + i, bad - i, &cp);
		if (cp == '\n' || (cp == '\r' && (i + 1 >= len ||
		    s[i + 1] != '\n'))) {
			line++;
			col = 1;
		} else if (cp != '\r' && !(i == 0 && cp == 0xFEFF))
			col++;
	}
	article_error(a, line, col, "invalid UTF-8");
}

/* The offset of the last character of s[st..end). */
static size_t
prev_cp(const char *s, size_t st, size_t end)
{
	end--;
	while (end > st && ((unsigned char)s[end] & 0xC0) == 0x80)
		end--;
	return end;
}

static uint32_t
last_cp(const char *s, size_t len)
{
	size_t		 i;
	uint32_t	 cp;

	if (len == 0)
		return 0;
	i = prev_cp(s, 0, len);
	text_decode(s + i, len - i, &cp);
	return cp;
}

static void
flush(struct blocks *b)
{
	struct article_block	*blk;

	if (b->cur.len == 0)
		return;
	/* Doubling: one more each time copies the array per block, which
	 * is quadratic wherever realloc cannot grow in place (ASan). */
	if (b->n == b->cap) {
		b->cap = b->cap * 2 + 16;
		b->v = xreallocarray(b->v, b->cap, sizeof *b->v);
	}
	blk = &b->v[b->n++];
	blk->text = buf_take(&b->cur, &blk->len);
	blk->heading = b->heading;
	b->heading = 0;
}

/* Adds a line to the current Markdown paragraph: joined with a space,
 * except between two characters of scripts written without spaces. */
static void
join(struct blocks *b, const char *s, size_t len)
{
	uint32_t	 first;

	if (b->cur.len > 0) {
		text_decode(s, len, &first);
		if (!article_cp_cjk(last_cp(b->cur.data, b->cur.len)) ||
		    !article_cp_cjk(first))
			buf_addc(&b->cur, ' ');
	}
	buf_add(&b->cur, s, len);
}

static int
all_of(const char *s, size_t len, char c, size_t min)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == c)
			n++;
		else if (s[i] != ' ')
			return 0;
	}
	return n >= min;
}

static int
list_item(const char *s, size_t len)
{
	size_t	 i = 0;

	if (len >= 2 && strchr("-*+", s[0]) != NULL && s[1] == ' ')
		return 1;
	while (i < len && i < 9 && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 0 && i + 1 < len && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == ' ';
}

static void
md_line(struct blocks *b, const char *s, size_t len)
{
	size_t	 level = 0;

	if (len == 0) {
		flush(b);
		return;
	}
	while (level < len && level < 7 && s[level] == '#')
		level++;
	if (level >= 1 && level <= 6 && (level == len || s[level] == ' ')) {
		flush(b);
		s += level, len -= level;
		while (len > 0 && (s[len - 1] == '#' || s[len - 1] == ' '))
			len--;
		while (len > 0 && *s == ' ')
			s++, len--;
		b->heading = (int)level;
		buf_add(&b->cur, s, len);
		flush(b);
		return;
	}
	if (all_of(s, len, '=', 2) || all_of(s, len, '-', 3) ||
	    all_of(s, len, '*', 3) || all_of(s, len, '_', 3)) {
		/* An underline makes the paragraph above it a heading; on
		 * its own it is a rule, which has no text. */
		if (b->cur.len > 0 && (s[0] == '=' || s[0] == '-'))
			b->heading = s[0] == '=' ? 1 : 2;
		flush(b);
		return;
	}
	if (list_item(s, len))
		flush(b);
	else if (s[0] == '>') {
		s++, len--;
		while (len > 0 && *s == ' ')
			s++, len--;
	}
	join(b, s, len);
}

/* Cuts text into blocks: each non-empty line (raw text), or Markdown
 * paragraphs, headings and list items. */
static struct blocks
split(const char *s, size_t len, int md)
{
	struct blocks	 b;
	const char	*nl;
	size_t		 off = 0, end, st, k;
	uint32_t	 cp;

	memset(&b, 0, sizeof b);
	while (off < len) {
		nl = memchr(s + off, '\n', len - off);
		end = nl != NULL ? (size_t)(nl - s) : len;
		st = off;
		while (st < end && (k = text_decode(s + st, end - st, &cp)) &&
		    article_cp_space(cp))
			st += k;
		while (end > st && article_cp_space(last_cp(s + st, end - st)))
			end = prev_cp(s, st, end);
		if (md)
			md_line(&b, s + st, end - st);
		else if (end > st) {
			buf_add(&b.cur, s + st, end - st);
			flush(&b);
		}
		off = nl != NULL ? (size_t)(nl - s) + 1 : len;
	}
	flush(&b);
	buf_free(&b.cur);
	return b;
}

/* The article's own file (front matter present): every block is body,
 * except a leading level-1 heading that is the title (none in the front
 * matter) or repeats it (the front matter's title starts with it). */
static void
take_plain(struct article *a, struct article_block *v, size_t n)
{
	size_t	 i = 0;

	a->paras = xreallocarray(NULL, n, sizeof *a->paras);
	if (n > 0 && v[0].heading == 1) {
		if (a->title == NULL) {
			a->title = v[0].text;
			i = 1;
		} else if (strncmp(a->title, v[0].text, v[0].len) == 0) {
			free(v[0].text);
			i = 1;
		}
	}
	for (; i < n; i++) {
		a->paras[a->npara].text = v[i].text;
		a->paras[a->npara++].len = v[i].len;
	}
}

static int
abbreviation(const char *s, size_t dot)
{
	static const char	*abbr[] = { "Mr", "Mrs", "Ms", "Dr", "Prof", "Co",
				    "Corp", "Inc", "Ltd", "Jr", "Sr", "St", "vs",
				    "No", "Gov", "Sen", "Rep", "Gen", "Jan",
				    "Feb", "Mar", "Apr", "Aug", "Sep", "Sept",
				    "Oct", "Nov", "Dec", "e.g", "i.e", "etc",
				    NULL };
	size_t			 w = dot, i;

	while (w > 0 && s[w - 1] != ' ')
		w--;
	if (dot - w == 1 || (dot - w >= 2 && s[dot - 2] == '.'))
		return 1;	/* an initial: "C.C. Wei", "U.S." */
	for (i = 0; abbr[i] != NULL; i++)
		if (strlen(abbr[i]) == dot - w &&
		    strncmp(s + w, abbr[i], dot - w) == 0)
			return 1;
	return 0;
}

/* The first sentence of the first paragraph, cut to TITLE_MAX characters
 * at a space when there is one. */
static void
derive_title(struct article *a)
{
	const char	*s;
	size_t		 i = 0, k, end, chars = 0, space = 0;
	uint32_t	 cp;

	if ((a->title != NULL && *a->title != '\0') || a->npara == 0)
		return;
	s = a->paras[0].text;
	end = a->paras[0].len;
	while (i < end) {
		k = text_decode(s + i, end - i, &cp);
		if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F) {
			end = cp == 0x3002 ? i : i + k;
			break;
		}
		if ((cp == '.' || cp == '!' || cp == '?') &&
		    (i + 1 == end || s[i + 1] == ' ') &&
		    (cp != '.' || !abbreviation(s, i))) {
			end = cp == '.' ? i : i + k;
			break;
		}
		if (chars == TITLE_MAX)
			break;
		if (cp == ' ')
			space = i;
		chars++;
		i += k;
	}
	free(a->title);
	a->title_derived = 1;
	if (i < end && chars == TITLE_MAX) {
		if (s[i] != ' ' && space > i / 2)
			i = space;	/* cut between words */
		a->title = xasprintf("%.*s\xE2\x80\xA6", (int)i, s);
	} else
		a->title = xstrndup(s, end);
}

/* Cleans a string in place: text_clean(), and for one-line fields every
 * line break becomes a space. */
static void
clean(char **sp, size_t *lenp, int oneline)
{
	char	*c, *p;
	size_t	 n;

	if (*sp == NULL)
		return;
	c = text_clean(*sp, lenp != NULL ? *lenp : strlen(*sp), &n);
	free(*sp);
	if (oneline) {
		for (p = c; (p = strchr(p, '\n')) != NULL; p++)
			*p = ' ';
		while (n > 0 && c[n - 1] == ' ')
			c[--n] = '\0';
		for (p = c; *p == ' '; p++)
			;
		memmove(c, p, n + 1 - (size_t)(p - c));
		n -= (size_t)(p - c);
	}
	*sp = c;
	if (lenp != NULL)
		*lenp = n;
}

static void
clean_all(struct article *a)
{
	size_t	 i;

	if (a->title == NULL)
		a->title = xstrdup("");
	clean(&a->title, NULL, 1);
	clean(&a->error, NULL, 1);	/* it holds the path */
	clean(&a->source, NULL, 1);
	clean(&a->date, NULL, 1);
	clean(&a->url, NULL, 1);
	clean(&a->author, NULL, 1);
	clean(&a->lang, NULL, 1);
	for (i = 0; i < a->ntags; i++)
		clean(&a->tags[i], NULL, 1);
	for (i = 0; i < a->nhighlights; i++)
		clean(&a->highlights[i], NULL, 1);
	for (i = 0; i < a->nrelated; i++)
		clean(&a->related[i], NULL, 1);
	for (i = 0; i < a->npara; i++)
		clean(&a->paras[i].text, &a->paras[i].len, 1);
}

struct article *
article_parse(const char *path, const char *buf, size_t len)
{
	struct article	*a;
	struct blocks	 b;
	char		*text;
	const char	*s;
	size_t		 tlen, body;
	int		 fm;

	a = xcalloc(1, sizeof *a);
	a->path = xstrdup(path);
	check_encoding(a, buf, len);
	text = text_repair(buf, len, &tlen);
	s = text;
	if (tlen >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3, tlen -= 3;
	fm = article_frontmatter(a, s, tlen, &body);
	b = split(s + body, tlen - body, is_markdown(path));
	if (fm)
		take_plain(a, b.v, b.n);
	else
		article_raw(a, b.v, b.n);
	free(b.v);
	free(text);
	derive_title(a);
	clean_all(a);
	return a;
}

/* NUL bytes, or more than one byte in ten a control character other than
 * the ones text uses (TAB, LF, CR, FF, ESC of coloured output). */
static int
binary(const char *s, size_t len)
{
	size_t	 n = len < BINARY_SAMPLE ? len : BINARY_SAMPLE, i, ctl = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0)
			return 1;
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
		    c != '\f' && c != 0x1B) || c == 0x7F)
			ctl++;
	}
	return ctl * 10 > n;
}

struct article *
article_load(const char *path, char **cause)
{
	struct article	*a;
	char		*buf;
	size_t		 len;

	if ((buf = util_read_file(path, ARTICLE_MAX_SIZE, &len, cause)) == NULL)
		return NULL;
	a = article_read(path, buf, len, cause);
	free(buf);
	return a;
}

struct article *
article_read(const char *path, const char *buf, size_t len, char **cause)
{
	if (binary(buf, len)) {
		*cause = xasprintf("%s: binary file, not an article", path);
		return NULL;
	}
	return article_parse(path, buf, len);
}

static void
free_list(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
article_free(struct article *a)
{
	size_t	 i;

	if (a == NULL)
		return;
	free(a->path);
	free(a->title);
	free(a->source);
	free(a->date);
	free(a->url);
	free(a->author);
	free(a->lang);
	free_list(a->tags, a->ntags);
	free_list(a->highlights, a->nhighlights);
	free_list(a->related, a->nrelated);
	for (i = 0; i < a->npara; i++)
		free(a->paras[i].text);
	free(a->paras);
	free(a->error);
	free(a);
}
