/* cmd_list: `inkstone list [--tag EXPR]... [--entity NAME] [--search TEXT]
 * [--unread] [--format tsv|yaml] [PATH]`: the library's articles, one a line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "inkstone/app.h"
#include "inkstone/cmd.h"
#include "inkstone/entity.h"
#include "inkstone/libindex.h"
#include "inkstone/library.h"
#include "inkstone/store.h"
#include "inkstone/text.h"
#include "inkstone/util.h"
#include "inkstone/yout.h"

struct list_opts {
	struct store_filter	**tags;
	size_t			  ntags;
	const char		 *entity;
	const char		 *search;
	int			  unread;
	int			  yaml;
	const char		 *path;
};

static int
usage(void)
{
	fputs("usage: inkstone list [--tag EXPR]... [--entity NAME] "
	    "[--search TEXT] [--unread] [--format tsv|yaml] [PATH]\n", stderr);
	return EXIT_USAGE;
}

/* The article's tags: its front matter's and the reader's, sorted and
 * without repeats.  The array is allocated; the strings are borrowed. */
static char **
merged_tags(const struct library *lib, const struct library_entry *e,
    const struct store_state *st, size_t *n)
{
	char	**v;
	size_t	  i, k, na = library_ntags(lib, e);

	v = xcalloc(na + st->ntags + 1, sizeof *v);
	*n = 0;
	for (i = 0; i < na + st->ntags; i++) {
		char *t = i < na ? (char *)(uintptr_t)library_tag(lib, e, i) :
		    st->tags[i - na];
		for (k = 0; k < *n && strcmp(v[k], t) != 0; k++)
			;
		if (k == *n)
			v[(*n)++] = t;
	}
	for (i = 1; i < *n; i++)	/* insertion sort: a handful of tags */
		for (k = i; k > 0 && strcmp(v[k - 1], v[k]) > 0; k--) {
			char *t = v[k];
			v[k] = v[k - 1];
			v[k - 1] = t;
		}
	return v;
}

static int
names_entity(const struct entity *e, const char *name)
{
	size_t i;

	if (strcasecmp(e->name, name) == 0)
		return 1;
	for (i = 0; i < e->naliases; i++)
		if (strcasecmp(e->aliases[i], name) == 0)
			return 1;
	return 0;
}

/* Whether the entry mentions the entity name: by the index when it has
 * the entry, else by reading the article. */
static int
mentions(struct library *lib, struct library_entry *e,
    const struct entity_db *db, const char *name)
{
	struct entity_set	*set;
	struct article		*a;
	size_t			 i, ent;
	int			 found = 0;

	if (lib->index != NULL && e->ix != (size_t)-1) {
		ent = libindex_entity_find(lib->index, name);
		return ent != (size_t)-1 &&
		    libindex_mentions(lib->index, e->ix, ent);
	}
	if ((a = library_load(lib, e)) == NULL)
		return 0;
	set = entity_extract_article(db, a);
	for (i = 0; i < set->n && !found; i++)
		found = names_entity(&set->v[i], name);
	entity_set_free(set);
	return found;
}

static void
print_yaml(struct yout *y, const struct library_entry *e, char *const *tags,
    size_t ntags)
{
	size_t i;

	yout_map(y, 0);
	yout_kv(y, "path", e->path);
	yout_kv(y, "date", e->date_iso);
	yout_kv(y, "source", e->source);
	yout_kv(y, "title", library_title(e));
	yout_str(y, "tags");
	yout_seq(y, 1);
	for (i = 0; i < ntags; i++)
		yout_str(y, tags[i]);
	yout_end(y);
	if (e->failed && e->error != NULL)
		yout_kv(y, "error", e->error);
	yout_end(y);
}

static void
print_tsv(const struct library_entry *e, char *const *tags, size_t ntags)
{
	size_t	 i;
	char	*path;

	/* A file name is anyone's text too: "evil\e]0;x\a.txt". */
	path = text_clean(e->path, strlen(e->path), NULL);
	printf("%s\t%s\t%s\t%s\t", path, e->date_iso, e->source,
	    library_title(e));
	free(path);
	for (i = 0; i < ntags; i++)
		printf("%s%s", i > 0 ? "," : "", tags[i]);
	putchar('\n');
}

/* The configuration's sort order (sort.by, sort.reverse). */
static void
sort_library(struct library *lib, const struct config *c)
{
	enum library_sort by;

	switch (c->sort_by) {
	case CONFIG_SORT_TITLE:
		by = LIBRARY_SORT_TITLE;
		break;
	case CONFIG_SORT_SOURCE:
		by = LIBRARY_SORT_SOURCE;
		break;
	case CONFIG_SORT_PATH:
		by = LIBRARY_SORT_PATH;
		break;
	default:
		by = LIBRARY_SORT_DATE;
		break;
	}
	library_sort(lib, by, c->sort_reverse);
}

static int
parse_args(int argc, char **argv, struct list_opts *o)
{
	char	*cause;
	int	 i, opts = 1;

	for (i = 0; i < argc; i++) {
		const char *arg = argv[i];
		if (opts && strcmp(arg, "--") == 0) {
			opts = 0;
			continue;
		}
		if (!opts || arg[0] != '-') {
			if (o->path != NULL)
				return usage();
			o->path = arg;
		} else if (strcmp(arg, "--unread") == 0)
			o->unread = 1;
		else if (i + 1 >= argc)
			return usage();
		else if (strcmp(arg, "--tag") == 0) {
			struct store_filter *f = store_filter_parse(argv[++i],
			    &cause);
			if (f == NULL) {
				fprintf(stderr, "inkstone: list: %s\n", cause);
				free(cause);
				return EXIT_USAGE;
			}
			o->tags = xreallocarray(o->tags, o->ntags + 1,
			    sizeof *o->tags);
			o->tags[o->ntags++] = f;
		} else if (strcmp(arg, "--entity") == 0)
			o->entity = argv[++i];
		else if (strcmp(arg, "--search") == 0)
			o->search = argv[++i];
		else if (strcmp(arg, "--format") == 0) {
			o->yaml = strcmp(argv[++i], "yaml") == 0;
			if (!o->yaml && strcmp(argv[i], "tsv") != 0) {
				fprintf(stderr, "inkstone: list: unknown "
				    "format '%s'\n", argv[i]);
				return usage();
			}
		} else
			return usage();
	}
	return 0;
}

int
cmd_list(int argc, char **argv, const struct globals *g)
{
	struct list_opts	 o = { 0 };
	struct app		 app;
	struct library		*lib = NULL;
	struct store		*s;
	struct store_state	 st;
	struct library_opts	 lopts = { 0 };
	struct yout		*y = NULL;
	struct buf		 out = { 0 };
	char			*cause = NULL, **tags, *cache = NULL;
	size_t			 j, k, ntags, nkeep, *keep = NULL;
	int			 r, ok;

	if ((r = parse_args(argc, argv, &o)) != 0)
		goto out_opts;
	if ((r = app_init(&app, g, o.path)) != 0)
		goto out;
	cache = util_cache_dir();
	lopts.cache_dir = cache;
	app_progress(&lopts);
	if ((lopts.db = app_entities(&app, &cause)) == NULL ||
	    (lib = library_open_with(o.path != NULL ? o.path : app.root,
	    &lopts, &cause)) == NULL ||
	    (s = app_store(&app, &cause)) == NULL) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
		r = EXIT_RUNTIME;
		goto out;
	}
	if (store_problem(s, STORE_TAGS) != NULL)
		fprintf(stderr, "inkstone: %s\n", store_problem(s, STORE_TAGS));
	sort_library(lib, &app.config);
	if (o.yaml) {
		y = yout_new(&out);
		yout_map(y, 0);
		yout_str(y, "articles");
		yout_seq(y, 0);
	}
	keep = xcalloc(lib->n + 1, sizeof *keep);
	nkeep = library_filter_text(lib, o.search != NULL ? o.search : "",
	    keep);
	for (j = 0; j < nkeep; j++) {
		struct library_entry *e = &lib->v[keep[j]];
		store_get_key(s, e->rel, &st);
		if (o.unread && st.read)
			continue;
		tags = merged_tags(lib, e, &st, &ntags);
		ok = 1;
		for (k = 0; k < o.ntags && ok; k++)
			ok = store_filter_match(o.tags[k], tags, ntags);
		if (ok && o.entity != NULL)
			ok = mentions(lib, e, lopts.db, o.entity);
		if (ok && y != NULL)
			print_yaml(y, e, tags, ntags);
		else if (ok)
			print_tsv(e, tags, ntags);
		free(tags);
	}
	if (y != NULL) {
		if (yout_finish(y) == -1)
			fputs("inkstone: list: YAML output failed\n", stderr);
		fwrite(out.data, 1, out.len, stdout);
		buf_free(&out);
	}
	if (fflush(stdout) != 0) {
		perror("inkstone: list");
		r = EXIT_RUNTIME;
	}
out:
	if (lib != NULL)
		library_free(lib);
	free(cache);
	free(keep);
	app_free(&app);
out_opts:
	for (k = 0; k < o.ntags; k++)
		store_filter_free(o.tags[k]);
	free(o.tags);
	return r;
}
