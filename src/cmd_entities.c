/* cmd_entities: `inkstone entities [--format tsv|yaml] FILE|PATH`: the
 * named entities of one article, or of every article under a folder with
 * the number of articles each appears in.  The title is not read: headlines
 * are in headline case, which the rules cannot tell from names, and a
 * headline restates what the body says. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "inkstone/app.h"
#include "inkstone/article.h"
#include "inkstone/cmd.h"
#include "inkstone/entity.h"
#include "inkstone/libindex.h"
#include "inkstone/library.h"
#include "inkstone/util.h"
#include "inkstone/yout.h"


/* One entity over a library. */
struct agg {
	char		 *name;
	enum entity_type  type;
	char		**aliases;
	size_t		  naliases;
	size_t		  articles;
	size_t		  mentions;
};

struct aggs {
	struct agg	*v;
	size_t		 n;
};

/* Extracts the body of the article at path; NULL (reported) on failure. */
static struct entity_set *
extract_file(const struct entity_db *db, const char *path)
{
	struct article		 *a;
	struct entity_set	 *set;
	char			 *cause = NULL;

	if ((a = article_load(path, &cause)) == NULL) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
		return NULL;
	}
	if (a->error != NULL)
		fprintf(stderr, "inkstone: %s\n", a->error);
	set = entity_extract_article(db, a);
	article_free(a);
	return set;
}

static void
agg_alias(struct agg *g, const char *s)
{
	size_t i;

	if (strcmp(g->name, s) == 0)
		return;
	for (i = 0; i < g->naliases; i++)
		if (strcmp(g->aliases[i], s) == 0)
			return;
	g->aliases = xreallocarray(g->aliases, g->naliases + 1,
	    sizeof *g->aliases);
	g->aliases[g->naliases++] = xstrdup(s);
}

/* Adds an article's entities, one row each; merge() joins the rows of
 * one entity afterwards (sorting, so a large library stays fast). */
static void
agg_add(struct aggs *ag, const struct entity_set *set)
{
	const struct entity	*e;
	struct agg		*g;
	size_t			 i, j;

	ag->v = xreallocarray(ag->v, ag->n + set->n + 1, sizeof *ag->v);
	for (i = 0; i < set->n; i++) {
		e = &set->v[i];
		g = &ag->v[ag->n++];
		memset(g, 0, sizeof *g);
		g->name = xstrdup(e->name);
		g->type = e->type;
		g->articles = 1;
		g->mentions = e->nspans;
		for (j = 0; j < e->naliases; j++)
			agg_alias(g, e->aliases[j]);
	}
}

static int
name_cmp(const void *a, const void *b)
{
	const struct agg *x = a, *y = b;

	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	return strcmp(x->name, y->name);
}

static void
agg_free_one(struct agg *g)
{
	size_t j;

	for (j = 0; j < g->naliases; j++)
		free(g->aliases[j]);
	free(g->aliases);
	free(g->name);
}

/* Joins the rows of each entity (same type and name) into one. */
static void
merge(struct aggs *ag)
{
	struct agg	*to;
	size_t		 i, j, k;

	qsort(ag->v, ag->n, sizeof *ag->v, name_cmp);
	for (i = j = 0; i < ag->n; i++) {
		if (j > 0 && name_cmp(&ag->v[j - 1], &ag->v[i]) == 0) {
			to = &ag->v[j - 1];
			to->articles += ag->v[i].articles;
			to->mentions += ag->v[i].mentions;
			for (k = 0; k < ag->v[i].naliases; k++)
				agg_alias(to, ag->v[i].aliases[k]);
			agg_free_one(&ag->v[i]);
		} else
			ag->v[j++] = ag->v[i];
	}
	ag->n = j;
}

static int
agg_cmp(const void *a, const void *b)
{
	const struct agg *x = a, *y = b;

	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	if (x->articles != y->articles)
		return x->articles > y->articles ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* A TSV field: tabs and line breaks would break the columns. */
static void
tsv_field(struct buf *out, const char *s)
{
	for (; *s != '\0'; s++)
		buf_addc(out, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' :
		    *s);
}

static void
print_tsv(struct buf *out, const struct agg *v, size_t n, int library)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		buf_adds(out, entity_type_name(v[i].type));
		buf_addc(out, '\t');
		tsv_field(out, v[i].name);
		buf_addc(out, '\t');
		for (j = 0; j < v[i].naliases; j++) {
			if (j > 0)
				buf_addc(out, ',');
			tsv_field(out, v[i].aliases[j]);
		}
		buf_addf(out, "\t%zu\n", library ? v[i].articles :
		    v[i].mentions);
	}
}

static void
print_yaml(struct buf *out, const struct agg *v, size_t n, int library)
{
	struct yout	*y = yout_new(out);
	size_t		 i, j;

	yout_map(y, 0);
	yout_str(y, "entities");
	yout_seq(y, 0);
	for (i = 0; i < n; i++) {
		yout_map(y, 0);
		yout_kv(y, "name", v[i].name);
		yout_kv(y, "type", entity_type_name(v[i].type));
		yout_str(y, "aliases");
		yout_seq(y, 1);
		for (j = 0; j < v[i].naliases; j++)
			yout_str(y, v[i].aliases[j]);
		yout_end(y);
		if (library) {
			yout_str(y, "articles");
			yout_num(y, v[i].articles);
		}
		yout_str(y, "mentions");
		yout_num(y, v[i].mentions);
		yout_end(y);
	}
	yout_finish(y);
}

static void
aggs_free(struct aggs *ag)
{
	size_t i;

	for (i = 0; i < ag->n; i++)
		agg_free_one(&ag->v[i]);
	free(ag->v);
}

/* A folder's entities, from its library index (built or refreshed on
 * the way), with the number of articles each appears in. */
static int
from_library(struct aggs *ag, const char *path, const struct entity_db *db)
{
	struct library_opts	 o = { 0 };
	struct library		*lib;
	struct libindex_entity	 le;
	struct agg		*g;
	char			*cache = util_cache_dir(), *cause = NULL;
	size_t			 i, k, n;
	int			 status = 0;

	o.cache_dir = cache;
	o.db = db;
	app_progress(&o);
	lib = library_open_with(path, &o, &cause);
	free(cache);
	if (lib == NULL) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
		return EXIT_RUNTIME;
	}
	for (i = 0; i < lib->n; i++)
		if (lib->v[i].error != NULL) {
			fprintf(stderr, "inkstone: %s\n", lib->v[i].error);
			if (lib->v[i].failed)
				status = EXIT_RUNTIME;
		}
	n = lib->index != NULL ? libindex_entity_count(lib->index) : 0;
	ag->v = xcalloc(n + 1, sizeof *ag->v);
	for (i = 0; i < n; i++) {
		libindex_entity(lib->index, i, &le);
		g = &ag->v[ag->n++];
		g->name = xstrdup(le.name);
		g->type = le.type;
		g->articles = le.narticles;
		g->mentions = le.nmentions;
		for (k = 0; k < libindex_entity_naliases(lib->index, i); k++)
			agg_alias(g, libindex_entity_alias(lib->index, i, k));
	}
	library_free(lib);
	return status;
}

static int
usage(void)
{
	fputs("usage: inkstone entities [--format tsv|yaml] FILE|PATH\n",
	    stderr);
	return EXIT_USAGE;
}

int
cmd_entities(int argc, char **argv, const struct globals *g)
{
	struct entity_db	*db;
	struct entity_set	*set;
	struct aggs		 ag = { NULL, 0 };
	struct buf		 out = { 0 };
	struct stat		 st;
	const char		*path = NULL, *fmt = "tsv";
	char			*cause = NULL;
	size_t			 i;
	int			 opts = 1, status = 0, library;

	for (i = 0; i < (size_t)argc; i++) {
		if (opts && strcmp(argv[i], "--") == 0)
			opts = 0;
		else if (opts && strcmp(argv[i], "--format") == 0) {
			if (++i >= (size_t)argc)
				return usage();
			fmt = argv[i];
		} else if (opts && strncmp(argv[i], "--format=", 9) == 0)
			fmt = argv[i] + 9;
		else if (opts && argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "inkstone: entities: unknown option "
			    "'%s'\n", argv[i]);
			return usage();
		} else if (path == NULL)
			path = argv[i];
		else
			return usage();
	}
	if (path == NULL)
		return usage();
	if (strcmp(fmt, "tsv") != 0 && strcmp(fmt, "yaml") != 0) {
		fprintf(stderr, "inkstone: entities: --format: want tsv or "
		    "yaml, not '%s'\n", fmt);
		return usage();
	}
	if (stat(path, &st) == -1) {
		fprintf(stderr, "inkstone: %s: %s\n", path, strerror(errno));
		return EXIT_RUNTIME;
	}
	if ((db = entity_db_load_default(g->data_dir, &cause)) == NULL) {
		fprintf(stderr, "%s\n", cause);
		free(cause);
		return EXIT_USAGE;
	}
	library = S_ISDIR(st.st_mode);
	if (library)
		status = from_library(&ag, path, db);
	else if ((set = extract_file(db, path)) == NULL)
		status = EXIT_RUNTIME;
	else {
		agg_add(&ag, set);
		entity_set_free(set);
	}
	merge(&ag);
	/* One article: mentions order it, as the sidebar shows it. */
	if (!library)
		for (i = 0; i < ag.n; i++)
			ag.v[i].articles = ag.v[i].mentions;
	qsort(ag.v, ag.n, sizeof *ag.v, agg_cmp);
	if (strcmp(fmt, "yaml") == 0)
		print_yaml(&out, ag.v, ag.n, library);
	else
		print_tsv(&out, ag.v, ag.n, library);
	if (out.len > 0)
		fwrite(out.data, 1, out.len, stdout);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "inkstone: entities: %s\n", strerror(errno));
		status = EXIT_RUNTIME;
	}
	buf_free(&out);
	aggs_free(&ag);
	entity_db_free(db);
	return status;
}
