/* ynode: a YAML document tree with positions, built from libyaml events. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>
#include <yaml.h>

#include "inkstone/util.h"
#include "ynode.h"

static struct ynode *
node_new(enum ynode_type type, const yaml_mark_t *m)
{
	struct ynode *n = xcalloc(1, sizeof *n);

	n->type = type;
	n->line = (int)m->line + 1;
	n->col = (int)m->column + 1;
	return n;
}

static void
node_add(struct ynode *parent, struct ynode *child)
{
	/* Doubling (the capacity is implied: 4, then each power of two
	 * past it): one more each time copies the items per key wherever
	 * realloc cannot grow in place, quadratic on a 100,000-key file. */
	if (parent->n == 0 || (parent->n >= 4 &&
	    (parent->n & (parent->n - 1)) == 0))
		parent->items = xreallocarray(parent->items, parent->n == 0 ?
		    4 : 2 * parent->n, sizeof *parent->items);
	parent->items[parent->n++] = child;
}

void
ynode_free(struct ynode *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->n; i++)
		ynode_free(n->items[i]);
	free(n->items);
	free(n->value);
	free(n);
}

static char *
parser_cause(const char *file, const yaml_parser_t *p)
{
	const yaml_mark_t	*m = &p->problem_mark;
	const char		*what = p->problem != NULL ? p->problem :
				    "malformed YAML";

	if (p->error == YAML_MEMORY_ERROR)
		return xasprintf("%s:1:1: out of memory", file);
	if (p->context != NULL)
		return xasprintf("%s:%zu:%zu: %s %s", file, m->line + 1,
		    m->column + 1, what, p->context);
	return xasprintf("%s:%zu:%zu: %s", file, m->line + 1, m->column + 1,
	    what);
}

/*
 * The stack holds the open collections; its height is the nesting depth,
 * so a document of 100,000 '[' stops after YNODE_MAXDEPTH events instead
 * of building (or recursing through) a tree that deep.
 */
int
ynode_parse(const char *file, const char *buf, size_t len,
    struct ynode **root, char **cause)
{
	yaml_parser_t	  p;
	yaml_event_t	  ev;
	struct ynode	 *stack[YNODE_MAXDEPTH], *n, *top = NULL;
	size_t		  depth = 0;
	int		  done = 0, ndocs = 0, rc = -1;

	*root = NULL;
	*cause = NULL;
	if (!yaml_parser_initialize(&p)) {
		*cause = xasprintf("%s:1:1: out of memory", file);
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			*cause = parser_cause(file, &p);
			goto out;
		}
		n = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++ndocs > 1) {
				*cause = xasprintf("%s:%zu:%zu: only one "
				    "document is allowed", file,
				    ev.start_mark.line + 1,
				    ev.start_mark.column + 1);
				yaml_event_delete(&ev);
				goto out;
			}
			break;
		case YAML_ALIAS_EVENT:
			*cause = xasprintf("%s:%zu:%zu: aliases (*name) are "
			    "not allowed", file, ev.start_mark.line + 1,
			    ev.start_mark.column + 1);
			yaml_event_delete(&ev);
			goto out;
		case YAML_SCALAR_EVENT:
			n = node_new(YNODE_SCALAR, &ev.start_mark);
			n->value = xstrndup((const char *)ev.data.scalar.value,
			    ev.data.scalar.length);
			n->len = ev.data.scalar.length;
			n->plain = ev.data.scalar.style ==
			    YAML_PLAIN_SCALAR_STYLE;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (depth == YNODE_MAXDEPTH) {
				*cause = xasprintf("%s:%zu:%zu: nested more "
				    "than %d deep", file,
				    ev.start_mark.line + 1,
				    ev.start_mark.column + 1, YNODE_MAXDEPTH);
				yaml_event_delete(&ev);
				goto out;
			}
			n = node_new(ev.type == YAML_SEQUENCE_START_EVENT ?
			    YNODE_SEQ : YNODE_MAP, &ev.start_mark);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (n == NULL)
			continue;
		if (depth > 0)
			node_add(stack[depth - 1], n);
		else
			top = n;
		if (n->type != YNODE_SCALAR)
			stack[depth++] = n;
	}
	*root = top;
	top = NULL;
	rc = 0;
out:
	ynode_free(top);
	yaml_parser_delete(&p);
	return rc;
}

char *
ynode_printable(const char *s)
{
	struct buf	 b = { 0 };
	size_t		 len = strlen(s), i = 0;
	ucs4_t		 uc;
	int		 n;

	buf_add(&b, "", 0);
	while (i < len) {
		n = u8_mbtoucr(&uc, (const uint8_t *)s + i, len - i);
		if (n <= 0) {
			buf_addf(&b, "\\x%02X", (unsigned char)s[i]);
			i++;
			continue;
		}
		if (uc < 0x20 || (uc >= 0x7f && uc < 0xa0))
			buf_addf(&b, "\\x%02X", (unsigned)uc);
		else if ((uc >= 0x202a && uc <= 0x202e) ||
		    (uc >= 0x2066 && uc <= 0x2069) || uc == 0x200e ||
		    uc == 0x200f || uc == 0x061c)
			buf_addf(&b, "\\u%04X", (unsigned)uc);
		else
			buf_add(&b, s + i, (size_t)n);
		i += (size_t)n;
	}
	return buf_take(&b, &len);
}

void
ynode_error_take(char ***errors, size_t *nerrors, char *msg)
{
	char *clean = ynode_printable(msg);

	free(msg);
	*errors = xreallocarray(*errors, *nerrors + 1, sizeof **errors);
	(*errors)[(*nerrors)++] = clean;
}

void
ynode_error(char ***errors, size_t *nerrors, const char *file,
    const struct ynode *n, const char *fmt, ...)
{
	va_list	 ap;
	char	*what;

	if (ynode_full(*nerrors))
		return;
	if (*nerrors == YNODE_MAXERRORS)
		what = xasprintf("too many errors; stopping here");
	else {
		va_start(ap, fmt);
		what = xvasprintf(fmt, ap);
		va_end(ap);
	}
	ynode_error_take(errors, nerrors, xasprintf("%s:%d:%d: %s", file,
	    n != NULL ? n->line : 1, n != NULL ? n->col : 1, what));
	free(what);
}

/* Levenshtein distance, capped: names here are short. */
static size_t
distance(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, *row, prev, tmp, best;

	if (la > 64 || lb > 64)
		return SIZE_MAX;
	row = xcalloc(lb + 1, sizeof *row);
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	best = row[lb];
	free(row);
	return best;
}

const char *
ynode_suggest(const char *word, const char *const *cands, size_t n)
{
	const char	*best = NULL;
	size_t		 i, d, bestd = SIZE_MAX, limit;

	limit = strlen(word) / 3 + 1;
	if (limit > 3)
		limit = 3;
	for (i = 0; i < n; i++) {
		if (strcasecmp(word, cands[i]) == 0)
			return cands[i];
		d = distance(word, cands[i]);
		if (d < bestd) {
			bestd = d;
			best = cands[i];
		}
	}
	return bestd <= limit ? best : NULL;
}

int
ynode_int(const struct ynode *n, long long *v)
{
	char	*end;

	if (n == NULL || n->type != YNODE_SCALAR || !n->plain ||
	    n->len == 0)
		return -1;
	errno = 0;
	*v = strtoll(n->value, &end, 10);
	if (*end != '\0' || errno == ERANGE)
		return -1;
	return 0;
}

int
ynode_bool(const struct ynode *n, int *v)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };
	size_t i;

	if (n == NULL || n->type != YNODE_SCALAR || !n->plain)
		return -1;
	for (i = 0; i < 3; i++) {
		if (strcasecmp(n->value, yes[i]) == 0) {
			*v = 1;
			return 0;
		}
		if (strcasecmp(n->value, no[i]) == 0) {
			*v = 0;
			return 0;
		}
	}
	return -1;
}

const char *
ynode_kind(const struct ynode *n)
{
	if (n == NULL)
		return "nothing";
	switch (n->type) {
	case YNODE_MAP:
		return "a mapping";
	case YNODE_SEQ:
		return "a list";
	default:
		if (n->plain && n->len == 0)
			return "nothing";
		return "a string";
	}
}
