/* config: the user's configuration (config.yaml).  One options table gives
 * each option's name, type, default, bounds and help; the loader, the
 * defaults, `inkstone --help` and inkstone-config(5) all follow it.  Every
 * problem in a file is reported as "file:line:col: message", all of them,
 * not only the first.  The program never writes the config file.  No
 * curses. */
#ifndef INKSTONE_CONFIG_H
#define INKSTONE_CONFIG_H

#include <stddef.h>
#include <stdio.h>

#include "inkstone/keys.h"

enum config_side {
	CONFIG_LEFT,
	CONFIG_RIGHT
};

enum config_sort {
	CONFIG_SORT_DATE,
	CONFIG_SORT_TITLE,
	CONFIG_SORT_SOURCE,
	CONFIG_SORT_PATH
};

/* The entity types, in their default order (the names used by entity.h
 * and by the theme slots entity-person ...). */
#define CONFIG_NENTITIES	6
extern const char *const config_entity_names[CONFIG_NENTITIES];

struct config {
	char		*path;		/* the file loaded, NULL: defaults only */
	char		*library;	/* library; "~/" expanded; NULL: unset */
	char		*theme;		/* theme name or path */
	int		 sidebar_side;	/* layout.sidebar-side: enum config_side */
	int		 sidebar_width;	/* layout.sidebar-width, columns */
	int		 list_height;	/* layout.list-height, rows */
	int		 highlights_height; /* layout.highlights-height, rows */
	int		 show_list;	/* layout.show-list, 0 or 1 */
	int		 show_highlights; /* layout.show-highlights */
	int		 show_sidebar;	/* layout.show-sidebar */
	int		 reading_width;	/* reading.width: text column cap,
					   0 for the pane's width */
	int		 reading_margin; /* reading.margin, columns each side */
	char		*date_format;	/* date-format, strftime(3) */
	int		 sort_by;	/* sort.by: enum config_sort */
	int		 sort_reverse;	/* sort.reverse */
	char		*quick_tags[9];	/* quick-tags 1..9, NULL if unset */
	const char	*entities[CONFIG_NENTITIES]; /* entities: types shown,
					   in order; pointers into
					   config_entity_names */
	size_t		 nentities;
	struct keys_map	*keys;		/* defaults with keys.* applied */
};

/* Fills c with the defaults (from the options table).  Free with
 * config_free. */
void	config_defaults(struct config *c);

/* Loads path over the defaults.  Returns 0, or -1 when the file cannot be
 * read or holds any error; then *errors (allocated, free with
 * config_errors_free) holds *nerrors messages "file:line:col: message" and
 * c still holds every valid setting over the defaults.  c is always
 * initialised and must be freed with config_free. */
int	config_load(const char *path, struct config *c, char ***errors,
	    size_t *nerrors);

/* Parses a config held in buf[0..len), named file in messages, over what
 * c holds (config_defaults first).  Returns 0, or -1 with the messages
 * appended to *errors (which may already hold some).  For tests and
 * fuzzing; config_load reads files. */
int	config_parse(const char *file, const char *buf, size_t len,
	    struct config *c, char ***errors, size_t *nerrors);

/* The config file in force: path when not NULL (then it must exist), else
 * $XDG_CONFIG_HOME/inkstone/config.yaml (else ~/.config/...), which may be
 * missing (defaults).  Returns as config_load. */
int	config_load_default(const char *path, struct config *c,
	    char ***errors, size_t *nerrors);

/* The path config_load_default reads when given NULL.  Allocated. */
char	*config_default_path(void);

void	config_free(struct config *c);
void	config_errors_free(char **errors, size_t nerrors);

/* Prints the options table (name, type, default, help): the configuration
 * part of `inkstone --help`. */
void	config_help(FILE *f);

/* The options table, for tests and the man page check. */
enum config_type {
	CONFIG_STRING,
	CONFIG_PATH,		/* a string; "~/" is expanded */
	CONFIG_TIME_FORMAT,	/* a strftime(3) format */
	CONFIG_INT,
	CONFIG_BOOL,
	CONFIG_ENUM,
	CONFIG_QUICK_TAGS,	/* mapping 1..9 -> tag */
	CONFIG_ENTITIES,	/* list of entity types */
	CONFIG_KEYS		/* mapping key name -> action, one context */
};

struct config_option {
	const char		*name;	/* dotted: "layout.sidebar-width" */
	enum config_type	 type;
	const char		*def;	/* default, as a user writes it; NULL:
					   unset */
	int			 min, max;	/* CONFIG_INT bounds */
	const char *const	*choices;	/* CONFIG_ENUM, NULL-ended */
	size_t			 off;	/* into struct config; CONFIG_KEYS: the
					   enum keys_context */
	const char		*help;
};
extern const struct config_option config_options[];
extern const size_t config_noptions;

#endif
