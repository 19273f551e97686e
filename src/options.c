/* options: the options table of config.yaml and the --help listing made
 * from it.  The loader (config.c), config_help and inkstone-config(5)
 * follow this one table. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "inkstone/config.h"
#include "inkstone/util.h"

const char *const config_entity_names[CONFIG_NENTITIES] = {
	"PERSON", "ORG", "PLACE", "MONEY", "PERCENT", "DATE"
};

static const char *const side_choices[] = { "left", "right", NULL };
static const char *const sort_choices[] = {
	"date", "title", "source", "path", NULL
};

#define OFF(f)	offsetof(struct config, f)

const struct config_option config_options[] = {
	{ "library", CONFIG_PATH, NULL, 0, 0, NULL, OFF(library),
	  "the article folder, when none is given on the command line" },
	{ "theme", CONFIG_STRING, "default", 0, 0, NULL, OFF(theme),
	  "the colour theme: a name from themes/ or a file" },
	{ "date-format", CONFIG_TIME_FORMAT, "\"%Y-%m-%d\"", 0, 0, NULL,
	  OFF(date_format), "how the list shows dates, as strftime(3)" },
	{ "layout.sidebar-side", CONFIG_ENUM, "right", 0, 0, side_choices,
	  OFF(sidebar_side), "where the entity sidebar stands" },
	{ "layout.sidebar-width", CONFIG_INT, "28", 12, 80, NULL,
	  OFF(sidebar_width), "the sidebar's width in columns" },
	{ "layout.list-height", CONFIG_INT, "10", 3, 100, NULL,
	  OFF(list_height), "the article list's height in rows" },
	{ "layout.highlights-height", CONFIG_INT, "6", 2, 100, NULL,
	  OFF(highlights_height), "the highlights pane's height in rows" },
	{ "layout.show-list", CONFIG_BOOL, "true", 0, 0, NULL,
	  OFF(show_list), "show the article list" },
	{ "layout.show-highlights", CONFIG_BOOL, "true", 0, 0, NULL,
	  OFF(show_highlights), "show the highlights pane" },
	{ "layout.show-sidebar", CONFIG_BOOL, "true", 0, 0, NULL,
	  OFF(show_sidebar), "show the entity sidebar" },
	{ "reading.width", CONFIG_INT, "80", 0, 1000, NULL,
	  OFF(reading_width),
	  "the widest the text column grows (0: the pane's width)" },
	{ "reading.margin", CONFIG_INT, "2", 0, 40, NULL,
	  OFF(reading_margin), "blank columns on each side of the text" },
	{ "sort.by", CONFIG_ENUM, "date", 0, 0, sort_choices, OFF(sort_by),
	  "the article list's order" },
	{ "sort.reverse", CONFIG_BOOL, "false", 0, 0, NULL, OFF(sort_reverse),
	  "reverse the order (date: newest first; the others: A to Z)" },
	{ "quick-tags", CONFIG_QUICK_TAGS, NULL, 1, 9, NULL, OFF(quick_tags),
	  "tags toggled by quick-tag-1 .. quick-tag-9, as 1: TAG" },
	{ "entities", CONFIG_ENTITIES,
	  "[PERSON, ORG, PLACE, MONEY, PERCENT, DATE]", 0, 0, NULL,
	  OFF(entities), "the entity types the sidebar shows, in order" },
	{ "keys.global", CONFIG_KEYS, NULL, 0, 0, NULL, KEYS_GLOBAL,
	  "bindings in every pane, as KEY: ACTION" },
	{ "keys.list", CONFIG_KEYS, NULL, 0, 0, NULL, KEYS_LIST,
	  "bindings in the article list" },
	{ "keys.reading", CONFIG_KEYS, NULL, 0, 0, NULL, KEYS_READING,
	  "bindings in the reading pane" },
	{ "keys.highlights", CONFIG_KEYS, NULL, 0, 0, NULL, KEYS_HIGHLIGHTS,
	  "bindings in the highlights pane" },
	{ "keys.sidebar", CONFIG_KEYS, NULL, 0, 0, NULL, KEYS_SIDEBAR,
	  "bindings in the entity sidebar" },
	{ "keys.tags", CONFIG_KEYS, NULL, 0, 0, NULL, KEYS_TAGS,
	  "bindings in the tag view of the list pane" },
	{ "keys.visual", CONFIG_KEYS, NULL, 0, 0, NULL, KEYS_VISUAL,
	  "bindings while selecting text in the reading pane (v)" },
};
const size_t config_noptions = sizeof config_options /
    sizeof config_options[0];

static const char *
type_word(const struct config_option *o)
{
	switch (o->type) {
	case CONFIG_STRING:
		return "string";
	case CONFIG_PATH:
		return "path";
	case CONFIG_TIME_FORMAT:
		return "format";
	case CONFIG_INT:
		return "number";
	case CONFIG_BOOL:
		return "boolean";
	case CONFIG_ENUM:
		return "choice";
	case CONFIG_QUICK_TAGS:
		return "mapping";
	case CONFIG_ENTITIES:
		return "list";
	case CONFIG_KEYS:
		return "mapping";
	}
	return "?";
}

void
config_help(FILE *f)
{
	const struct config_option	*o;
	struct buf			 b;
	size_t				 i;
	int				 k;

	fputs("configuration options (config.yaml, see "
	    "inkstone-config(5)):\n", f);
	for (i = 0; i < config_noptions; i++) {
		o = &config_options[i];
		memset(&b, 0, sizeof b);
		buf_adds(&b, type_word(o));
		if (o->type == CONFIG_INT)
			buf_addf(&b, " %d-%d", o->min, o->max);
		if (o->type == CONFIG_ENUM)
			for (k = 0; o->choices[k] != NULL; k++)
				buf_addf(&b, "%c%s", k ? '|' : ' ',
				    o->choices[k]);
		if (o->def != NULL)
			buf_addf(&b, ", default %s", o->def);
		fprintf(f, "  %-25s %s\n  %-25s (%s)\n", o->name, o->help, "",
		    b.data);
		buf_free(&b);
	}
}
