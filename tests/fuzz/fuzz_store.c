/* Fuzz target: the state files' reader and writer.  Whatever the bytes, as
 * tags.yaml and as highlights.yaml: refused with a message, or accepted,
 * and then what the store writes reads back as the same entries and is
 * written again byte for byte the same. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/util.h"
#include "../../src/store_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *
write_all(struct sentry **e, size_t n, enum store_file kind, size_t *len)
{
	struct buf	b = { 0 };
	size_t		i;

	for (i = 0; i < n; i++) {
		if (e[i]->frag == NULL)
			sentry_emit(e[i], kind);
		buf_add(&b, e[i]->frag, e[i]->fraglen);
	}
	return buf_take(&b, len);
}

static void
free_all(struct sentry **e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		sentry_free(e[i]);
	free(e);
}

static void
one(const char *buf, size_t size, enum store_file kind)
{
	struct snode	 *root;
	struct sentry	**e, **e2;
	size_t		  n, n2, len, len2;
	char		 *cause = NULL, *out, *out2;

	if (stree_parse("f.yaml", buf, size, &root, &cause) == -1) {
		if (strncmp(cause, "f.yaml:", 7) != 0)
			abort();
		free(cause);
		return;
	}
	if (sentry_from_tree(kind, "f.yaml", root, NULL, 0, &e, &n,
	    &cause) == -1) {
		if (strncmp(cause, "f.yaml", 6) != 0)
			abort();
		free(cause);
		stree_free(root);
		return;
	}
	stree_free(root);
	out = write_all(e, n, kind, &len);
	if (stree_parse("out", out, len, &root, &cause) == -1 ||
	    sentry_from_tree(kind, "out", root, out, len, &e2, &n2,
	    &cause) == -1)
		abort();
	stree_free(root);
	if (n2 != n)
		abort();
	/* Fragments taken from the written text, and emitted afresh. */
	out2 = write_all(e2, n2, kind, &len2);
	if (len2 != len || memcmp(out, out2, len) != 0)
		abort();
	free(out2);
	for (size_t i = 0; i < n2; i++) {
		free(e2[i]->frag);
		e2[i]->frag = NULL;
	}
	out2 = write_all(e2, n2, kind, &len2);
	if (len2 != len || memcmp(out, out2, len) != 0)
		abort();
	free(out2);
	free(out);
	free_all(e, n);
	free_all(e2, n2);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 65536)
		return 0;
	one((const char *)data, size, STORE_TAGS);
	one((const char *)data, size, STORE_HIGHLIGHTS);
	return 0;
}
