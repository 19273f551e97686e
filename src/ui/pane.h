/* pane: what the reader's panes share inside src/ui.  Each pane has a
 * draw function that paints its window from the models and a key function
 * that returns the REDRAW_* flags of what changed; the loop in ui.c acts on
 * the flags and sends only the changed windows to the terminal. */
#ifndef INKSTONE_UI_PANE_H
#define INKSTONE_UI_PANE_H

#include <curses.h>
#include <stddef.h>

#include "inkstone/layout.h"
#include "inkstone/library.h"
#include "inkstone/listmodel.h"
#include "inkstone/render.h"
#include "inkstone/search.h"
#include "inkstone/util.h"

#define REDRAW_LIST		(1 << LAYOUT_LIST)
#define REDRAW_READING		(1 << LAYOUT_READING)
#define REDRAW_HIGHLIGHTS	(1 << LAYOUT_HIGHLIGHTS)
#define REDRAW_SIDEBAR		(1 << LAYOUT_SIDEBAR)
#define REDRAW_STATUS		(1 << 4)
#define REDRAW_PANES		(REDRAW_LIST | REDRAW_READING | \
				 REDRAW_HIGHLIGHTS | REDRAW_SIDEBAR)
#define REDRAW_ALL		(REDRAW_PANES | REDRAW_STATUS)
#define REDRAW_LAYOUT		(1 << 5)	/* panes moved: lay out again */

/* Named actions.  The binding table (bind.c) maps keys to them per
 * context; the help overlay lists them with their descriptions. */
enum action {
	ACT_NONE,
	ACT_DOWN, ACT_UP, ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_TOP, ACT_BOTTOM,
	ACT_OPEN, ACT_CLOSE, ACT_QUIT,
	ACT_FOCUS_NEXT, ACT_FOCUS_PREV,
	ACT_SEARCH, ACT_SEARCH_NEXT, ACT_SEARCH_PREV,
	ACT_HELP, ACT_ZOOM,
	ACT_TOGGLE_LIST, ACT_TOGGLE_HIGHLIGHTS, ACT_TOGGLE_SIDEBAR,
	ACT_SORT, ACT_FILTER, ACT_FILTER_ENTITY, ACT_CLEAR_FILTER,
	ACT_REDRAW,
	ACT_COUNT
};

/* Binding contexts: a pane's own, then the global one. */
enum bind_ctx {
	CTX_GLOBAL, CTX_LIST, CTX_READING, CTX_HIGHLIGHTS, CTX_SIDEBAR,
	CTX_HELP, CTX_COUNT
};

/* Colour slots, each with a monochrome fallback. */
enum slot {
	SLOT_NORMAL, SLOT_HEADER, SLOT_HEADER_FOCUS, SLOT_STATUS, SLOT_ERROR,
	SLOT_TITLE, SLOT_META, SLOT_SELECT, SLOT_UNREAD, SLOT_MATCH,
	SLOT_MATCH_CUR, SLOT_MARK, SLOT_HIGHLIGHT, SLOT_SEPARATOR, SLOT_DIM,
	SLOT_ENT_PERSON, SLOT_ENT_ORG, SLOT_ENT_PLACE, SLOT_ENT_MONEY,
	SLOT_ENT_DATE, SLOT_ENT_OTHER,
	SLOT_COUNT
};

/* A byte span of one source string of the open article, named by its
 * render kind and index (title and meta use index 0). */
struct mark {
	enum render_kind	kind;
	size_t			para;
	size_t			start;
	size_t			end;
	enum slot		slot;
};

struct marks {
	struct mark	*v;
	size_t		 n;
	size_t		 cap;
};

struct ui;

struct pane {
	const char	*name;
	enum bind_ctx	 ctx;
	WINDOW		*win;
	struct layout_rect r;
	void		(*draw)(struct ui *, struct pane *);
	int		(*key)(struct ui *, enum action);
	int		(*click)(struct ui *, int, int);	/* y, x in pane */
	int		(*wheel)(struct ui *, int);		/* +1 down */
};

/* A wrapped excerpt in the highlights pane. */
struct hl_item {
	const char		*text;	/* not owned */
	int			 saved;	/* 0: the publisher's */
	size_t			 index;	/* into article->highlights */
	struct render_line	*lines;	/* wrapped at the pane's width */
	size_t			 nlines;
};

struct ui {
	const struct globals	*g;
	struct library		*lib;
	char			*libpath;	/* as shown */
	char			*liberr;	/* the library could not open */
	int			 quit;
	int			 status;	/* exit status */

	struct layout		 lay;
	int			 cols, rows;
	int			 toggled[LAYOUT_NPANES];
	int			 zoom;		/* a pane, or -1 */
	int			 focus;		/* a pane */
	struct pane		 pane[LAYOUT_NPANES];
	WINDOW			*statuswin;
	int			 colours;	/* 0 mono, else colour count */

	/* The list: entries of the library shown, after the filter. */
	size_t			*view;
	size_t			 nview;
	struct listmodel	 list;
	enum library_sort	 sort;
	char			*filter;	/* text filter, or NULL */
	char			*entity_filter;	/* entity name, or NULL */
	unsigned char		*read;		/* per library entry */

	/* The open article. */
	long			 open;		/* library index, or -1 */
	struct render		*render;	/* at render_width */
	int			 render_width;
	size_t			 top;		/* first line shown */
	struct marks		 matches;	/* search matches */
	struct marks		 mentions;	/* the chosen entity's */
	struct marks		*jump;		/* what n/N walk */
	size_t			 jump_cur;
	char			*query;

	/* The highlights pane. */
	struct hl_item		*hl;
	size_t			 nhl;
	int			 hl_width;
	size_t			 hl_sel;
	size_t			 hl_top;

	/* The sidebar. */
	struct listmodel	 side;

	/* The prompt on the status line (search or filter). */
	int			 prompting;	/* an ACT_ or 0 */
	struct buf		 prompt;
	char			*message;
	int			 message_error;

	int			 help;		/* the overlay is up */
	size_t			 help_top;
	WINDOW			*helpwin;
};

/* ui.c */
void	ui_message(struct ui *, int error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
int	ui_open_selected(struct ui *);
int	ui_close_article(struct ui *);

/* draw.c: every string goes through draw_text, which cuts it at the
 * pane's edge so a wide character that does not fit becomes a space. */
void	draw_init_colours(struct ui *);
attr_t	draw_attr(enum slot, short *pair);
void	draw_set(WINDOW *, enum slot);
int	draw_text(WINDOW *, int y, int x, int maxw, const char *s, size_t len,
	    enum slot);
void	draw_fill(WINDOW *, int y, int x, int w, enum slot);
void	draw_header(struct ui *, struct pane *, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
int	draw_width(const char *s, size_t len);

/* bind.c */
enum action	bind_lookup(enum bind_ctx, int key);
int		bind_key_from_wch(int is_fn, wint_t ch);
const char	*bind_action_help(enum action);
/* Fills lines (allocated, the caller frees each and the array) with one
 * "KEYS  description" line per action bound in ctx or globally. */
size_t		bind_help_lines(enum bind_ctx, char ***lines);

/* list.c */
void	list_init(struct ui *, struct pane *);
int	ui_refilter(struct ui *);
const struct library_entry *list_selected(struct ui *);

/* reading.c */
void	reading_init(struct ui *, struct pane *);
void	reading_relayout(struct ui *);
void	reading_reset(struct ui *);
int	reading_goto(struct ui *, enum render_kind, size_t para, size_t off);
int	reading_search(struct ui *, const char *query);
int	reading_jump(struct ui *, int dir);
void	marks_add(struct marks *, enum render_kind, size_t, size_t, size_t,
	    enum slot);
void	marks_free(struct marks *);

/* highlights.c */
void	highlights_init(struct ui *, struct pane *);
void	highlights_reset(struct ui *);

/* sidebar.c */
void	sidebar_init(struct ui *, struct pane *);
void	sidebar_reset(struct ui *);

/* status.c */
void	status_draw(struct ui *);
int	status_prompt_key(struct ui *, int is_fn, wint_t ch);
void	help_draw(struct ui *);
int	help_key(struct ui *, enum action);

#endif
