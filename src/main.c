/* main: the command line.  Global options may stand anywhere; the first
 * other word that names a subcommand picks it. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/cmd.h"
#include "inkstone/config.h"
#include "inkstone/ui.h"
#include "inkstone/util.h"

struct command {
	const char	*name;
	const char	*usage;
	int		(*run)(int, char **, const struct globals *);
};

static const struct command commands[] = {
	{ "dump", "dump [--width N] FILE...", cmd_dump },
	{ "list", "list [--tag EXPR]... [--entity NAME] [--search TEXT] [--unread]\n"
	    "                [--format tsv|yaml] [PATH]", cmd_list },
	{ "tag", "tag FILE [+TAG | -TAG]...\n"
	    "  inkstone tag --rename OLD NEW", cmd_tag },
	{ "highlights", "highlights [--format markdown|yaml] [FILE]",
	    cmd_highlights },
	{ "entities", "entities [--format tsv|yaml] FILE|PATH", cmd_entities },
	{ "check", "check [--keys] [FILE...]", cmd_check },
	{ NULL, NULL, NULL }
};

static void
usage(FILE *f)
{
	const struct command *c;

	fputs("usage: inkstone [-c FILE] [--data-dir DIR] [--theme NAME] [PATH]\n"
	    "       inkstone [global options] COMMAND [ARGS...]\n\n"
	    "With no command, the reader opens on PATH: a folder of articles\n"
	    "(*.txt, *.md) or one file; default: the configured library, else\n"
	    "./articles.  Press ? in the reader for its keys; among them,\n"
	    "T lists the tags with their counts (Enter filters, R renames),\n"
	    "u shows only unread articles, v selects text (w b ) ( } { grow\n"
	    "and shrink it by words, sentences, paragraphs) and h keeps it\n"
	    "with a note.\n\n"
	    "commands:\n", f);
	for (c = commands; c->name != NULL; c++)
		fprintf(f, "  inkstone %s\n", c->usage);
	fputs("\nglobal options:\n"
	    "  -c FILE          configuration file (default: "
	    "$XDG_CONFIG_HOME/inkstone/config.yaml)\n"
	    "  --data-dir DIR   state folder (default: "
	    "$XDG_DATA_HOME/inkstone)\n"
	    "  --theme NAME     colour theme\n"
	    "  -h, --help       show this help\n"
	    "  -V, --version    show the version\n\n", f);
	config_help(f);
	fputs("\nSee inkstone(1) and inkstone-config(5).\n", f);
}

/* Takes a global option at argv[*i] (and its value) if there is one.
 * Returns 1 if taken, 0 if not a global option, -1 on a missing value. */
static int
take_global(int argc, char **argv, int *i, struct globals *g)
{
	static const struct {
		const char	*name;
		size_t		 off;
	} opts[] = {
		{ "-c", offsetof(struct globals, config) },
		{ "--config", offsetof(struct globals, config) },
		{ "--data-dir", offsetof(struct globals, data_dir) },
		{ "--theme", offsetof(struct globals, theme) },
	};
	const char	*a = argv[*i], *v;
	size_t		 k, n;

	for (k = 0; k < sizeof opts / sizeof opts[0]; k++) {
		n = strlen(opts[k].name);
		if (strncmp(a, opts[k].name, n) != 0)
			continue;
		if (a[n] == '=' && a[1] == '-')
			v = a + n + 1;
		else if (a[n] == '\0') {
			if (*i + 1 >= argc) {
				fprintf(stderr, "inkstone: %s needs a value\n",
				    opts[k].name);
				return -1;
			}
			v = argv[++*i];
		} else
			continue;
		*(const char **)(void *)((char *)g + opts[k].off) = v;
		return 1;
	}
	return 0;
}

/* No subcommand: the reader, on at most one PATH. */
static int
run_reader(int n, char **rest, const struct globals *g)
{
	const char	*path = NULL;
	int		 i, dashdash = 0;

	for (i = 0; i < n; i++) {
		if (!dashdash && strcmp(rest[i], "--") == 0) {
			dashdash = 1;
			continue;
		}
		if (!dashdash && rest[i][0] == '-' && rest[i][1] != '\0') {
			fprintf(stderr, "inkstone: unknown option %s\n",
			    rest[i]);
			usage(stderr);
			return EXIT_USAGE;
		}
		if (path != NULL) {
			fprintf(stderr, "inkstone: one PATH at most (a folder "
			    "or a file), or a command: %s\n", rest[i]);
			usage(stderr);
			return EXIT_USAGE;
		}
		path = rest[i];
	}
	return ui_run(path, g);
}

int
main(int argc, char **argv)
{
	struct globals		 g = { 0 };
	const struct command	*cmd = NULL, *c;
	char			**rest;
	int			 i, n = 0, r, dashdash = 0;

	rest = xcalloc((size_t)argc + 1, sizeof *rest);
	for (i = 1; i < argc; i++) {
		if (!dashdash && strcmp(argv[i], "--") == 0) {
			dashdash = 1;
			rest[n++] = argv[i];
			continue;
		}
		if (!dashdash) {
			r = take_global(argc, argv, &i, &g);
			if (r == -1) {
				free(rest);
				return EXIT_USAGE;
			}
			if (r == 1)
				continue;
			if (cmd == NULL && n == 0 &&
			    (strcmp(argv[i], "-h") == 0 ||
			    strcmp(argv[i], "--help") == 0)) {
				usage(stdout);
				free(rest);
				return 0;
			}
			if (cmd == NULL && n == 0 &&
			    (strcmp(argv[i], "-V") == 0 ||
			    strcmp(argv[i], "--version") == 0)) {
				printf("inkstone %s\n", INKSTONE_VERSION);
				free(rest);
				return 0;
			}
		}
		if (cmd == NULL && n == 0 && !dashdash) {
			for (c = commands; c->name != NULL; c++)
				if (strcmp(argv[i], c->name) == 0)
					cmd = c;
			if (cmd != NULL)
				continue;
		}
		rest[n++] = argv[i];
	}
	if (cmd != NULL)
		r = cmd->run(n, rest, &g);
	else
		r = run_reader(n, rest, &g);
	free(rest);
	return r;
}
