/* theme: colour themes from YAML (themes/NAME.yaml).  A theme gives each
 * colour slot a foreground, a background and attributes; a slot left out
 * takes what its parent slot has.  Colours are names, 0-255 indexes or
 * #rrggbb, mapped to the nearest colour the terminal has.  Errors are
 * "file:line:col: message", all of them.  No curses: the UI turns a
 * theme_style into a colour pair and attributes. */
#ifndef INKSTONE_THEME_H
#define INKSTONE_THEME_H

#include <stddef.h>
#include <stdint.h>

enum theme_slot {
	THEME_NORMAL,		/* normal: everything, unless said otherwise */
	THEME_BORDER,		/* border: pane separators */
	THEME_BORDER_FOCUS,	/* border-focus: around the focused pane */
	THEME_TITLE,		/* title: pane titles */
	THEME_TITLE_FOCUS,	/* title-focus: the focused pane's title */
	THEME_LIST,		/* list: the article list */
	THEME_LIST_SELECTED,	/* list-selected */
	THEME_LIST_UNREAD,	/* list-unread */
	THEME_LIST_DATE,	/* list-date */
	THEME_LIST_SOURCE,	/* list-source */
	THEME_LIST_TAGS,	/* list-tags */
	THEME_LIST_MARKED,	/* list-marked */
	THEME_READING,		/* reading: the reading pane's body */
	THEME_READING_TITLE,	/* reading-title: the headline */
	THEME_READING_META,	/* reading-meta: source, date, tags */
	THEME_READING_BULLET,	/* reading-bullet: the publisher's highlights */
	THEME_HIGHLIGHTS,	/* highlights: the highlights pane */
	THEME_HIGHLIGHTS_SELECTED, /* highlights-selected */
	THEME_HIGHLIGHTS_ORPHAN, /* highlights-orphan: anchor lost */
	THEME_SIDEBAR,		/* sidebar: the entity sidebar */
	THEME_SIDEBAR_SELECTED,	/* sidebar-selected */
	THEME_SIDEBAR_HEADING,	/* sidebar-heading: an entity type */
	THEME_ENTITY_PERSON,	/* entity-person */
	THEME_ENTITY_ORG,	/* entity-org */
	THEME_ENTITY_PLACE,	/* entity-place */
	THEME_ENTITY_MONEY,	/* entity-money */
	THEME_ENTITY_PERCENT,	/* entity-percent */
	THEME_ENTITY_DATE,	/* entity-date */
	THEME_HIGHLIGHT,	/* highlight: a kept passage in the text */
	THEME_SEARCH,		/* search: a search match */
	THEME_SEARCH_CURRENT,	/* search-current: the match at the cursor */
	THEME_SELECTION,	/* selection: the visual selection */
	THEME_STATUS,		/* status: the status line */
	THEME_STATUS_ERROR,	/* status-error: a message about a problem */
	THEME_PROMPT,		/* prompt: search and tag prompts */
	THEME_HELP,		/* help: the help overlay */
	THEME_HELP_KEY,		/* help-key: key names in the help overlay */
	THEME_NSLOTS
};

/* Colour values in theme_style.fg and .bg. */
#define THEME_DEFAULT	(-1)	/* the terminal's own colour */

/* Attributes, or-ed in theme_style.attrs. */
#define THEME_BOLD	0x01u
#define THEME_UNDERLINE	0x02u
#define THEME_REVERSE	0x04u
#define THEME_DIM	0x08u
#define THEME_ITALIC	0x10u

struct theme_style {
	int		 fg;	/* THEME_DEFAULT or 0..ncolours-1 */
	int		 bg;
	unsigned	 attrs;
};

struct theme {
	char			*name;	/* as asked for */
	char			*path;	/* the file read */
	struct theme_style	 slot[THEME_NSLOTS];
};

/* "normal", "list-selected", ... (static strings); theme_slot_parse
 * returns -1 if unknown. */
const char	*theme_slot_name(enum theme_slot s);
int		 theme_slot_parse(const char *name);
/* The slot a slot inherits from (THEME_NORMAL inherits from nothing and
 * returns itself). */
enum theme_slot	 theme_slot_parent(enum theme_slot s);

/* The xterm palette colour nearest to rgb (0xRRGGBB) on a terminal of
 * ncolours colours: 0-7 for 8 (and anything from 8 to 15), 0-15 for 16 to
 * 255, 16-255 for 256 and more (0-15 are often redefined by the user).
 * ncolours < 8 returns THEME_DEFAULT.  Pure, for tests. */
int		 theme_nearest(uint32_t rgb, int ncolours);
/* The RGB of xterm palette index i (0..255). */
uint32_t	 theme_palette(int i);

/* The file for theme name: name itself if it holds a '/' or ends in
 * ".yaml", else $XDG_CONFIG_HOME/inkstone/themes/NAME.yaml, else the
 * installed util_share_path("themes/NAME.yaml").  Allocated, or NULL when
 * there is none. */
char		*theme_find(const char *name);

/* The theme to use: "monochrome" when NO_COLOR is set and not empty, else
 * cli (--theme) when not NULL, else cfg (the config's theme), else
 * "default".  Static or one of the arguments. */
const char	*theme_choose(const char *cli, const char *cfg);

/* Loads theme name (see theme_find) for a terminal of ncolours colours
 * (0 or 1: attributes only; "default" on 8 to 255 colours loads
 * "sixteen").  Returns 0 with *t filled (free with
 * theme_free), or -1 with *errors (allocated, free each and the array)
 * holding *nerrors messages; t is then filled with the built-in fallback
 * (attributes only), so a caller can still draw. */
int		 theme_load(const char *name, int ncolours, struct theme *t,
		    char ***errors, size_t *nerrors);

/* Parses a theme held in buf[0..len), named file in messages, into t,
 * which must already hold a base (theme_fallback).  Returns 0, or -1 with
 * the messages appended to *errors (which may already hold some).  For
 * tests and fuzzing; theme_load reads files. */
int		 theme_parse(const char *file, const char *buf, size_t len,
		    int ncolours, struct theme *t, char ***errors,
		    size_t *nerrors);

/* The built-in fallback: attributes only, no file. */
void		 theme_fallback(struct theme *t);

void		 theme_free(struct theme *t);

#endif
