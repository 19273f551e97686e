/* store_emit: the state files written with libyaml's emitter, one entry
 * per run (its fragment), and trees built for exports.  Output is plain
 * UTF-8 (no escapes, no folding), LF line ends, block style except for tag
 * lists. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <yaml.h>

#include "inkstone/util.h"
#include "store_int.h"

/* Emission.  Errors cannot happen short of memory (the output goes to a
 * buffer and every string is valid UTF-8 by then), so they are fatal. */
static int
emit_write(void *data, unsigned char *p, size_t n)
{
	buf_add(data, p, n);
	return 1;
}

static void
emit(yaml_emitter_t *em, yaml_event_t *ev)
{
	if (!yaml_emitter_emit(em, ev)) {
		fprintf(stderr, "inkstone: YAML emitter: %s\n",
		    em->problem ? em->problem : "failed");
		exit(1);
	}
}

static void
emit_str(yaml_emitter_t *em, const char *s, size_t len, int plain_ok)
{
	yaml_event_t		ev;
	yaml_scalar_style_t	style = YAML_ANY_SCALAR_STYLE;

	/* Several lines read best as a literal block; the emitter falls back
	 * to quotes when a literal cannot hold the text. */
	if (memchr(s, '\n', len) != NULL)
		style = YAML_LITERAL_SCALAR_STYLE;
	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	    (int)len, plain_ok, 1, style);
	emit(em, &ev);
}

static void
emit_key(yaml_emitter_t *em, const char *s)
{
	emit_str(em, s, strlen(s), 1);
}

/* An int or float in YAML 1.1 or 1.2: 12, -1_000, 0x1f, 0o17, 0b101,
 * 1:30 (base 60), 1.5e3, .5 */
static int
looks_number(const char *p)
{
	const char	*set = NULL;
	size_t		 n;
	int		 digits;

	if (*p == '+' || *p == '-')
		p++;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		set = "0123456789abcdefABCDEF_";
	else if (p[0] == '0' && p[1] == 'o')
		set = "01234567_";
	else if (p[0] == '0' && p[1] == 'b')
		set = "01_";
	if (set != NULL)
		return p[2] != '\0' && strspn(p + 2, set) == strlen(p + 2);
	n = strspn(p, "0123456789_:");
	digits = strcspn(p, "0123456789") < n;
	p += n;
	if (*p == '.') {
		n = strspn(++p, "0123456789_");
		digits |= strcspn(p, "0123456789") < n;
		p += n;
	}
	if (digits && (*p == 'e' || *p == 'E')) {
		if (*++p == '+' || *p == '-')
			p++;
		if ((n = strspn(p, "0123456789")) == 0)
			return 0;
		p += n;
	}
	return digits && *p == '\0';
}

/* Would a YAML 1.1 or 1.2 reader take this plain scalar for a null, a
 * bool or a number? */
static int
looks_typed(const char *s)
{
	static const char *words[] = { "~", "null", "true", "false", "yes",
	    "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf", ".nan" };
	size_t	i;

	if (*s == '\0')
		return 1;
	for (i = 0; i < sizeof words / sizeof *words; i++)
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	return looks_number(s);
}

static void
emit_text(yaml_emitter_t *em, const char *s)
{
	/* Text must come back as text: "true" or "12" are quoted so that no
	 * YAML reader takes them for a bool or a number. */
	emit_str(em, s, strlen(s), !looks_typed(s));
}

static void
emit_start(yaml_emitter_t *em, int map, int flow)
{
	yaml_event_t ev;

	if (map)
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
	else
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		    flow ? YAML_FLOW_SEQUENCE_STYLE :
		    YAML_BLOCK_SEQUENCE_STYLE);
	emit(em, &ev);
}

static void
emit_end(yaml_emitter_t *em, int map)
{
	yaml_event_t ev;

	if (map)
		yaml_mapping_end_event_initialize(&ev);
	else
		yaml_sequence_end_event_initialize(&ev);
	emit(em, &ev);
}

static void
emit_node(yaml_emitter_t *em, const struct snode *n)
{
	size_t i;

	if (n->type == SN_SCALAR) {
		emit_str(em, n->s, n->len, n->plain);
		return;
	}
	emit_start(em, n->type == SN_MAP, 0);
	for (i = 0; i < n->n; i++)
		emit_node(em, n->kids[i]);
	emit_end(em, n->type == SN_MAP);
}

static void
emit_highlight(yaml_emitter_t *em, const struct store_highlight *h)
{
	char		num[32];
	struct tm	tm;

	emit_start(em, 1, 0);
	emit_key(em, "id");
	/* Quoted when it looks typed: an id "null" must not read back as
	 * no id at all. */
	emit_text(em, h->id);
	emit_key(em, "quote");
	emit_text(em, h->quote);
	emit_key(em, "before");
	emit_text(em, h->before);
	emit_key(em, "after");
	emit_text(em, h->after);
	emit_key(em, "para");
	snprintf(num, sizeof num, "%zu", h->para);
	emit_key(em, num);
	emit_key(em, "offset");
	snprintf(num, sizeof num, "%zu", h->offset);
	emit_key(em, num);
	if (h->created != 0 && gmtime_r(&h->created, &tm) != NULL) {
		strftime(num, sizeof num, "%Y-%m-%dT%H:%M:%SZ", &tm);
		emit_key(em, "created");
		emit_key(em, num);
	}
	if (h->note != NULL) {
		emit_key(em, "note");
		emit_text(em, h->note);
	}
	emit_end(em, 1);
}

/* Starts a document: UTF-8 as is, no line folding, LF. */
static void
emit_begin(yaml_emitter_t *em, struct buf *b)
{
	yaml_event_t ev;

	yaml_emitter_initialize(em);
	yaml_emitter_set_output(em, emit_write, b);
	yaml_emitter_set_unicode(em, 1);
	yaml_emitter_set_width(em, -1);
	yaml_emitter_set_break(em, YAML_LN_BREAK);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(em, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(em, &ev);
}

static void
emit_finish(yaml_emitter_t *em)
{
	yaml_event_t ev;

	yaml_document_end_event_initialize(&ev, 1);
	emit(em, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(em, &ev);
	yaml_emitter_delete(em);
}

struct snode *
snode_raw(const char *s)
{
	struct snode *n = xcalloc(1, sizeof *n);

	n->type = SN_SCALAR;
	n->s = xstrdup(s);
	n->len = strlen(s);
	n->plain = 1;
	return n;
}

struct snode *
snode_text(const char *s)
{
	struct snode *n = snode_raw(s);

	n->plain = !looks_typed(s);
	return n;
}

struct snode *
snode_box(enum snode_type type)
{
	struct snode *n = xcalloc(1, sizeof *n);

	n->type = type;
	return n;
}

char *
stree_emit(const struct snode *root, size_t *len)
{
	yaml_emitter_t	em;
	struct buf	b = { 0 };

	emit_begin(&em, &b);
	emit_node(&em, root);
	emit_finish(&em);
	return buf_take(&b, len);
}

void
sentry_emit(struct sentry *e, enum store_file kind)
{
	yaml_emitter_t	 em;
	struct buf	 b = { 0 };
	char		 hash[17];
	size_t		 i;

	emit_begin(&em, &b);
	emit_start(&em, 1, 0);
	emit_text(&em, e->key);
	emit_start(&em, 1, 0);
	if (e->hash != 0) {
		snprintf(hash, sizeof hash, "%016" PRIx64, e->hash);
		emit_key(&em, "hash");
		emit_text(&em, hash);
	}
	if (kind == STORE_HIGHLIGHTS && e->nhl > 0) {
		emit_key(&em, "highlights");
		emit_start(&em, 0, 0);
		for (i = 0; i < e->nhl; i++)
			emit_highlight(&em, &e->hl[i]);
		emit_end(&em, 0);
	}
	if (kind == STORE_TAGS && e->read) {
		emit_key(&em, "read");
		emit_key(&em, "true");
	}
	if (kind == STORE_TAGS && e->ntags > 0) {
		emit_key(&em, "tags");
		emit_start(&em, 0, 1);
		for (i = 0; i < e->ntags; i++)
			emit_text(&em, e->tags[i]);
		emit_end(&em, 0);
	}
	for (i = 0; e->extra != NULL && i + 1 < e->extra->n; i += 2) {
		emit_node(&em, e->extra->kids[i]);
		emit_node(&em, e->extra->kids[i + 1]);
	}
	emit_end(&em, 1);
	emit_end(&em, 1);
	emit_finish(&em);
	free(e->frag);
	e->frag = buf_take(&b, &e->fraglen);
}
