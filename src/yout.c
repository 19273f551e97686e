/* yout: YAML output through libyaml's emitter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "inkstone/yout.h"
#include "inkstone/util.h"

#define MAXDEPTH 64

struct yout {
	yaml_emitter_t	 em;
	int		 failed;
	int		 map[MAXDEPTH];	/* 1: mapping, 0: sequence */
	int		 depth;
};

static int
write_buf(void *data, unsigned char *p, size_t n)
{
	buf_add(data, p, n);
	return 1;
}

static void
emit(struct yout *y, yaml_event_t *ev)
{
	if (!y->failed && !yaml_emitter_emit(&y->em, ev))
		y->failed = 1;
}

struct yout *
yout_new(struct buf *out)
{
	struct yout	*y = xcalloc(1, sizeof *y);
	yaml_event_t	 ev;

	yaml_emitter_initialize(&y->em);
	yaml_emitter_set_output(&y->em, write_buf, out);
	yaml_emitter_set_unicode(&y->em, 1);
	yaml_emitter_set_width(&y->em, -1);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(y, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(y, &ev);
	return y;
}

static void
push(struct yout *y, int map)
{
	if (y->depth == MAXDEPTH) {
		y->failed = 1;
		return;
	}
	y->map[y->depth++] = map;
}

void
yout_map(struct yout *y, int flow)
{
	yaml_event_t ev;

	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
	emit(y, &ev);
	push(y, 1);
}

void
yout_seq(struct yout *y, int flow)
{
	yaml_event_t ev;

	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
	    flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
	emit(y, &ev);
	push(y, 0);
}

void
yout_end(struct yout *y)
{
	yaml_event_t ev;

	if (y->depth == 0) {
		y->failed = 1;
		return;
	}
	if (y->map[--y->depth])
		yaml_mapping_end_event_initialize(&ev);
	else
		yaml_sequence_end_event_initialize(&ev);
	emit(y, &ev);
}

/* Whether a plain s would read back as something other than this string:
 * empty, null, a boolean (YAML 1.1's words too), a number, a date or a
 * time (made of digits and number punctuation only). */
static int
needs_quotes(const char *s)
{
	static const char *const words[] = {
		"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
		".inf", "-.inf", "+.inf", ".nan",
	};
	size_t i;

	if (*s == '\0' || s[strspn(s, "0123456789-+.:_eExXoObB ")] == '\0')
		return 1;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	return 0;
}

static void
scalar(struct yout *y, const char *s, int quote)
{
	yaml_event_t ev;

	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	    (int)strlen(s), !quote, 1, quote ?
	    YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
	emit(y, &ev);
}

void
yout_str(struct yout *y, const char *s)
{
	scalar(y, s, needs_quotes(s));
}

void
yout_num(struct yout *y, unsigned long long v)
{
	char num[32];

	snprintf(num, sizeof num, "%llu", v);
	scalar(y, num, 0);
}

void
yout_kv(struct yout *y, const char *key, const char *value)
{
	yout_str(y, key);
	yout_str(y, value);
}

int
yout_finish(struct yout *y)
{
	yaml_event_t	ev;
	int		r;

	while (y->depth > 0)
		yout_end(y);
	yaml_document_end_event_initialize(&ev, 1);
	emit(y, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(y, &ev);
	if (!y->failed && !yaml_emitter_flush(&y->em))
		y->failed = 1;
	r = y->failed ? -1 : 0;
	yaml_emitter_delete(&y->em);
	free(y);
	return r;
}
