/* Fuzz target: the loaders of tags.yaml and highlights.yaml.  The input is
 * read as each kind of state file, through the store's own buffer
 * functions (src/store_int.h; store_open reads files the same way, under a
 * lock).  Whatever the bytes: no crash or leak, errors as "file:line:col:
 * message", entries as store.h promises.  And what the store would write
 * back must read back the same, field for field, and be written again byte
 * for byte the same, whether the entries' fragments are taken from the
 * written text or emitted afresh: a save must never lose or change the
 * reader's state. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/store.h"
#include "../../src/store_int.h"
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[STORE_NFILES] = {
	"tags.yaml", "highlights.yaml"
};

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void
check_entry(const struct sentry *e)
{
	const struct store_highlight	*h;
	size_t				 i, j;

	if (e->key == NULL || *e->key == '\0')
		abort();
	for (i = 0; i < e->ntags; i++) {
		if (e->tags[i] == NULL || *e->tags[i] == '\0')
			abort();
		if (i > 0 && strcmp(e->tags[i - 1], e->tags[i]) >= 0)
			abort();	/* sorted, unique */
	}
	for (i = 0; i < e->nhl; i++) {
		h = &e->hl[i];
		if (h->quote == NULL || *h->quote == '\0' ||
		    h->before == NULL || h->after == NULL)
			abort();
		if (h->note != NULL && *h->note == '\0')
			abort();
		if (h->id[0] == '\0' || strlen(h->id) > STORE_ID_LEN)
			abort();
		for (j = 0; j < i; j++)
			if (strcmp(e->hl[j].id, h->id) == 0)
				abort();
	}
}

static void
same_entry(const struct sentry *a, const struct sentry *b)
{
	const struct store_highlight	*x, *y;
	size_t				 i;

	if (strcmp(a->key, b->key) != 0 || a->hash != b->hash ||
	    a->read != b->read || a->ntags != b->ntags || a->nhl != b->nhl)
		abort();
	for (i = 0; i < a->ntags; i++)
		if (strcmp(a->tags[i], b->tags[i]) != 0)
			abort();
	for (i = 0; i < a->nhl; i++) {
		x = &a->hl[i];
		y = &b->hl[i];
		if (strcmp(x->id, y->id) != 0 || !same(x->quote, y->quote) ||
		    !same(x->before, y->before) || !same(x->after, y->after) ||
		    !same(x->note, y->note) || x->para != y->para ||
		    x->offset != y->offset || x->created != y->created)
			abort();
	}
}

/* The file the store writes for these entries: their fragments in key
 * order, emitting those it does not have. */
static char *
write_all(struct sentry **e, size_t n, enum store_file kind, size_t *len)
{
	char	*out;
	size_t	 i, off = 0;

	for (i = 0; i < n; i++) {
		if (e[i]->frag == NULL)
			sentry_emit(e[i], kind);
		off += e[i]->fraglen;
	}
	if ((out = malloc(off + 1)) == NULL)
		abort();
	for (i = off = 0; i < n; i++) {
		memcpy(out + off, e[i]->frag, e[i]->fraglen);
		off += e[i]->fraglen;
	}
	out[off] = '\0';
	*len = off;
	return out;
}

/* Writes e2 again and checks it gives text[0..len). */
static void
same_text(struct sentry **e2, size_t n2, enum store_file kind,
    const char *text, size_t len)
{
	char	*text2;
	size_t	 len2;

	text2 = write_all(e2, n2, kind, &len2);
	if (len2 != len || memcmp(text, text2, len) != 0)
		abort();
	free(text2);
}

static void
free_entries(struct sentry **e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		sentry_free(e[i]);
	free(e);
}

static void
load_kind(const uint8_t *data, size_t size, enum store_file kind)
{
	struct snode	 *root, *root2;
	struct sentry	**e, **e2;
	char		 *cause, *text;
	size_t		  n, n2, i, len;

	if (stree_parse(names[kind], (const char *)data, size, &root,
	    &cause) != 0) {
		fuzz_check_message(cause, names[kind]);
		free(cause);
		return;
	}
	if (sentry_from_tree(kind, names[kind], root, NULL, 0, &e, &n,
	    &cause) != 0) {
		fuzz_check_message(cause, names[kind]);
		free(cause);
		stree_free(root);
		return;
	}
	stree_free(root);
	for (i = 0; i < n; i++) {
		check_entry(e[i]);
		if (i > 0 && strcmp(e[i - 1]->key, e[i]->key) >= 0)
			abort();
	}

	/* Write, read back (fragments from the written text), compare. */
	text = write_all(e, n, kind, &len);
	if (stree_parse(names[kind], text, len, &root2, &cause) != 0 ||
	    sentry_from_tree(kind, names[kind], root2, text, len, &e2, &n2,
	    &cause) != 0)
		abort();
	stree_free(root2);
	if (n2 != n)
		abort();
	for (i = 0; i < n; i++)
		same_entry(e[i], e2[i]);
	same_text(e2, n2, kind, text, len);
	/* And emitted afresh. */
	for (i = 0; i < n2; i++) {
		free(e2[i]->frag);
		e2[i]->frag = NULL;
	}
	same_text(e2, n2, kind, text, len);

	free(text);
	free_entries(e, n);
	free_entries(e2, n2);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int	kind;

	for (kind = 0; kind < STORE_NFILES; kind++)
		load_kind(data, size, kind);
	return 0;
}
