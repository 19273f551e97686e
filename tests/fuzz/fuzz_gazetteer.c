/* Fuzz target: the user's entities.yaml, loaded over a shipped
 * gazetteer (a small one: the real one costs 15 ms a load).  Whatever the file holds: no crash or leak, an error is a
 * clean "file:line:col: message", and a database that loads works: the
 * file's own text, run through entity_extract, gives mentions inside it
 * (the names it defines are in that text, so they are found). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/entity.h"
#include "common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Entries the user's file can rename, retype, take aliases from or
 * ignore. */
static const char shipped_text[] =
    "entities:\n"
    "  - {name: Taiwan Semiconductor Manufacturing Co, type: ORG, "
    "aliases: [TSMC, \u53f0\u7a4d\u96fb]}\n"
    "  - {name: Huawei Technologies Co, type: ORG, aliases: [Huawei, "
    "\u83ef\u70ba]}\n"
    "  - {name: Lai Ching-te, type: PERSON, aliases: [Lai]}\n"
    "  - {name: Hsinchu, type: PLACE}\n"
    "ignore: [The]\n";
static char	shipped[160];

static void
shipped_cleanup(void)
{
	unlink(shipped);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	FILE	*f;

	(void)argc;
	(void)argv;
	fuzz_scratch("entities.yaml");
	snprintf(shipped, sizeof shipped, "%s/shipped.yaml", fuzz_dir);
	if ((f = fopen(shipped, "w")) == NULL ||
	    fputs(shipped_text, f) == EOF || fclose(f) != 0) {
		perror(shipped);
		exit(1);
	}
	atexit(shipped_cleanup);	/* runs before fuzz_cleanup */
	return 0;
}

static void
extract(const struct entity_db *db, const uint8_t *data, size_t size)
{
	struct entity_set	*set;
	const struct entity	*e;
	const char		*para;
	char			*text;
	size_t			 len, i, j;

	text = text_repair((const char *)data, size, &len);
	para = text;
	set = entity_extract(db, &para, &len, 1);
	for (i = 0; i < set->n; i++) {
		e = &set->v[i];
		if (e->name == NULL || *e->name == '\0' || e->nspans == 0 ||
		    entity_set_find(set, e->name) == NULL)
			abort();
		for (j = 0; j < e->nspans; j++) {
			if (e->spans[j].para != 0 ||
			    e->spans[j].start >= e->spans[j].end ||
			    e->spans[j].end > len ||
			    (text[e->spans[j].start] & 0xC0) == 0x80 ||
			    (e->spans[j].end < len &&
			    (text[e->spans[j].end] & 0xC0) == 0x80))
				abort();
		}
	}
	entity_set_free(set);
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct entity_db	*db;
	char			*cause = NULL;

	fuzz_write(data, size);
	db = entity_db_load(shipped, fuzz_path, &cause);
	if (db == NULL) {
		if (cause == NULL)
			abort();
		fuzz_check_message(cause, fuzz_path);
		free(cause);
		return 0;
	}
	extract(db, data, size);
	entity_db_free(db);
	return 0;
}
