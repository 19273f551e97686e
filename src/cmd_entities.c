/* cmd_entities: `inkstone entities [--format tsv|yaml] FILE|PATH`: the
 * named entities of one article, or of every article under a folder with
 * the number of articles each appears in.  The title is not read: headlines
 * are in headline case, which the rules cannot tell from names, and a
 * headline restates what the body says. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "inkstone/article.h"
#include "inkstone/cmd.h"
#include "inkstone/entity.h"
#include "inkstone/util.h"

#define MAX_DEPTH	32

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

struct paths {
	char	**v;
	size_t	  n;
	dev_t	  dev[MAX_DEPTH];
	ino_t	  ino[MAX_DEPTH];
};

static int
has_ext(const char *name)
{
	size_t n = strlen(name);

	return (n > 4 && strcmp(name + n - 4, ".txt") == 0) ||
	    (n > 3 && strcmp(name + n - 3, ".md") == 0);
}

/* Collects *.txt and *.md under dir; hidden names skipped, a folder that
 * is one of its own parents (a symlink loop) not entered again. */
static void
walk(const char *dir, int depth, struct paths *p)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	char		*path;
	int		 i;

	if (depth >= MAX_DEPTH || stat(dir, &st) == -1)
		return;
	for (i = 0; i < depth; i++)
		if (p->dev[i] == st.st_dev && p->ino[i] == st.st_ino)
			return;
	p->dev[depth] = st.st_dev;
	p->ino[depth] = st.st_ino;
	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "inkstone: %s: %s\n", dir, strerror(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = util_path_join(dir, de->d_name);
		if (stat(path, &st) == -1)
			free(path);
		else if (S_ISDIR(st.st_mode)) {
			walk(path, depth + 1, p);
			free(path);
		} else if (S_ISREG(st.st_mode) && has_ext(de->d_name)) {
			p->v = xreallocarray(p->v, p->n + 1, sizeof *p->v);
			p->v[p->n++] = path;
		} else
			free(path);
	}
	closedir(d);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Extracts the body of the article at path; NULL (reported) on failure. */
static struct entity_set *
extract_file(const struct entity_db *db, const char *path)
{
	struct article		 *a;
	struct entity_set	 *set;
	const char		**paras;
	size_t			 *lens, i;
	char			 *cause = NULL;

	if ((a = article_load(path, &cause)) == NULL) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
		return NULL;
	}
	if (a->error != NULL)
		fprintf(stderr, "inkstone: %s\n", a->error);
	paras = xcalloc(a->npara + 1, sizeof *paras);
	lens = xcalloc(a->npara + 1, sizeof *lens);
	for (i = 0; i < a->npara; i++) {
		paras[i] = a->paras[i].text;
		lens[i] = a->paras[i].len;
	}
	set = entity_extract(db, paras, lens, a->npara);
	free(paras);
	free(lens);
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

static void
agg_add(struct aggs *ag, const struct entity_set *set)
{
	const struct entity	*e;
	struct agg		*g;
	size_t			 i, j;

	for (i = 0; i < set->n; i++) {
		e = &set->v[i];
		for (j = 0; j < ag->n; j++)
			if (ag->v[j].type == e->type &&
			    strcmp(ag->v[j].name, e->name) == 0)
				break;
		if (j == ag->n) {
			ag->v = xreallocarray(ag->v, ag->n + 1, sizeof *ag->v);
			g = &ag->v[ag->n++];
			memset(g, 0, sizeof *g);
			g->name = xstrdup(e->name);
			g->type = e->type;
		}
		g = &ag->v[j];
		g->articles++;
		g->mentions += e->nspans;
		for (j = 0; j < e->naliases; j++)
			agg_alias(g, e->aliases[j]);
	}
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

static int
yaml_out(void *data, unsigned char *p, size_t n)
{
	buf_add(data, p, n);
	return 1;
}

static void
y_scalar(yaml_emitter_t *em, const char *s)
{
	yaml_event_t ev;

	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	    (int)strlen(s), 1, 1, YAML_ANY_SCALAR_STYLE);
	yaml_emitter_emit(em, &ev);
}

static void
y_mapping(yaml_emitter_t *em, int start, int flow)
{
	yaml_event_t ev;

	if (start)
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
	else
		yaml_mapping_end_event_initialize(&ev);
	yaml_emitter_emit(em, &ev);
}

static void
y_sequence(yaml_emitter_t *em, int start, int flow)
{
	yaml_event_t ev;

	if (start)
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		    flow ? YAML_FLOW_SEQUENCE_STYLE :
		    YAML_BLOCK_SEQUENCE_STYLE);
	else
		yaml_sequence_end_event_initialize(&ev);
	yaml_emitter_emit(em, &ev);
}

static void
print_yaml(struct buf *out, const struct agg *v, size_t n, int library)
{
	yaml_emitter_t	 em;
	yaml_event_t	 ev;
	size_t		 i, j;
	char		 num[32];

	yaml_emitter_initialize(&em);
	yaml_emitter_set_output(&em, yaml_out, out);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, -1);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	yaml_emitter_emit(&em, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	yaml_emitter_emit(&em, &ev);
	y_mapping(&em, 1, 0);
	y_scalar(&em, "entities");
	y_sequence(&em, 1, 0);
	for (i = 0; i < n; i++) {
		y_mapping(&em, 1, 0);
		y_scalar(&em, "name");
		y_scalar(&em, v[i].name);
		y_scalar(&em, "type");
		y_scalar(&em, entity_type_name(v[i].type));
		y_scalar(&em, "aliases");
		y_sequence(&em, 1, 1);
		for (j = 0; j < v[i].naliases; j++)
			y_scalar(&em, v[i].aliases[j]);
		y_sequence(&em, 0, 1);
		if (library) {
			y_scalar(&em, "articles");
			snprintf(num, sizeof num, "%zu", v[i].articles);
			y_scalar(&em, num);
		}
		y_scalar(&em, "mentions");
		snprintf(num, sizeof num, "%zu", v[i].mentions);
		y_scalar(&em, num);
		y_mapping(&em, 0, 0);
	}
	y_sequence(&em, 0, 0);
	y_mapping(&em, 0, 0);
	yaml_document_end_event_initialize(&ev, 1);
	yaml_emitter_emit(&em, &ev);
	yaml_stream_end_event_initialize(&ev);
	yaml_emitter_emit(&em, &ev);
	yaml_emitter_flush(&em);
	yaml_emitter_delete(&em);
}

static void
aggs_free(struct aggs *ag)
{
	size_t i, j;

	for (i = 0; i < ag->n; i++) {
		for (j = 0; j < ag->v[i].naliases; j++)
			free(ag->v[i].aliases[j]);
		free(ag->v[i].aliases);
		free(ag->v[i].name);
	}
	free(ag->v);
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
	struct paths		 paths;
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
	memset(&paths, 0, sizeof paths);
	if (library) {
		walk(path, 0, &paths);
		qsort(paths.v, paths.n, sizeof *paths.v, str_cmp);
	} else {
		paths.v = xcalloc(1, sizeof *paths.v);
		paths.v[paths.n++] = xstrdup(path);
	}
	for (i = 0; i < paths.n; i++) {
		if ((set = extract_file(db, paths.v[i])) == NULL) {
			status = EXIT_RUNTIME;
			continue;
		}
		agg_add(&ag, set);
		entity_set_free(set);
	}
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
	for (i = 0; i < paths.n; i++)
		free(paths.v[i]);
	free(paths.v);
	entity_db_free(db);
	return status;
}
