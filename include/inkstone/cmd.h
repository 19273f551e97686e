/* cmd: the subcommands behind `inkstone NAME ...`.  Each takes the
 * arguments after its name (argv[0] is the first of them, argv[argc] is
 * NULL; global options already removed) and returns the
 * exit status: 0 success, 1 runtime failure, 2 bad usage or configuration.
 * No curses. */
#ifndef INKSTONE_CMD_H
#define INKSTONE_CMD_H

/* Global options; they may stand before or after the subcommand. */
struct globals {
	const char	*config;	/* -c FILE, or NULL */
	const char	*data_dir;	/* --data-dir DIR, or NULL */
	const char	*theme;		/* --theme NAME, or NULL */
};

int	cmd_dump(int, char **, const struct globals *);
int	cmd_list(int, char **, const struct globals *);
/* Tags (src/cmd_tag.c) and highlights export (src/cmd_highlights.c). */
int	cmd_tag(int, char **, const struct globals *);
int	cmd_highlights(int, char **, const struct globals *);
/* Named entities of an article or a library (src/cmd_entities.c). */
int	cmd_entities(int, char **, const struct globals *);
/* check [--keys] [FILE...]: validate config, theme, state and article
 * files; --keys lists the key bindings in force. */
int	cmd_check(int argc, char **argv, const struct globals *g);

#define EXIT_RUNTIME	1
#define EXIT_USAGE	2

#endif
