/* Tests for entfile: editing the user's entities.yaml and writing it back,
 * checked through the gazetteer that reads it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "inkstone/entfile.h"
#include "inkstone/entity.h"
#include "inkstone/util.h"

static char	 dir[] = "/tmp/inkstone-entfile-XXXXXX";
static char	*path;

static void
put(const char *text)
{
	char *cause = NULL;

	assert_int_equal(util_write_atomic(path, text, strlen(text), &cause),
	    0);
}

static char *
slurp(void)
{
	char	*cause = NULL, *s;
	size_t	 len;

	s = util_read_file(path, 1 << 20, &len, &cause);
	assert_non_null(s);
	return s;
}

static struct entfile *
load(void)
{
	struct entfile	*f;
	char		*cause = NULL;

	f = entfile_load(path, &cause);
	if (f == NULL)
		fail_msg("%s", cause);
	return f;
}

static void
save(struct entfile *f)
{
	char *cause = NULL;

	if (entfile_save(f, &cause) == -1)
		fail_msg("%s", cause);
}

/* The entities the rules and the gazetteer (the user's file alone) find
 * in one paragraph. */
static struct entity_set *
extract(const char *text)
{
	struct entity_db	*db;
	struct entity_set	*set;
	char			*cause = NULL;
	size_t			 len = strlen(text);

	db = entity_db_load(NULL, path, &cause);
	if (db == NULL)
		fail_msg("%s", cause);
	set = entity_extract(db, &text, &len, 1);
	entity_db_free(db);
	return set;
}

static int
has_alias(const struct entity *e, const char *a)
{
	size_t i;

	for (i = 0; i < e->naliases; i++)
		if (strcmp(e->aliases[i], a) == 0)
			return 1;
	return 0;
}

static void
test_missing_file_then_add(void **state)
{
	struct entfile		*f;
	struct entity_set	*set;
	const struct entity	*e;
	const char		*text = "Moonrake is shipping its first chips "
				    "this week.";
	char			*cause = NULL, *s;

	(void)state;
	unlink(path);
	/* Without the user's entity the rules do not keep a lone word at
	 * the start of a sentence. */
	set = extract(text);
	assert_null(entity_set_find(set, "Moonrake"));
	entity_set_free(set);

	f = load();
	assert_int_equal(f->n, 0);
	assert_int_equal(entfile_add(f, "  Moonrake\n", ENTITY_ORG, &cause), 1);
	assert_int_equal(entfile_add(f, "Moonrake", ENTITY_ORG, &cause), 0);
	assert_int_equal(entfile_add(f, " \t\n", ENTITY_ORG, &cause), -1);
	assert_non_null(cause);
	free(cause);
	cause = NULL;
	assert_int_equal(entfile_add(f, "bad\x1b[31m", ENTITY_ORG, &cause),
	    -1);
	free(cause);
	cause = NULL;
	save(f);
	entfile_free(f);

	s = slurp();
	assert_string_equal(s, "entities:\n- name: Moonrake\n  type: ORG\n"
	    "ignore: []\n");
	free(s);
	set = extract(text);
	e = entity_set_find(set, "Moonrake");
	assert_non_null(e);
	assert_int_equal(e->type, ENTITY_ORG);
	entity_set_free(set);

	/* Added again with another type: the type changes, in place. */
	f = load();
	assert_int_equal(entfile_add(f, "Moonrake", ENTITY_PERSON, &cause), 1);
	assert_int_equal(f->n, 1);
	assert_int_equal(entfile_find(f, "Moonrake")->type, ENTITY_PERSON);
	entfile_free(f);
}

static void
test_ignore(void **state)
{
	struct entfile		*f;
	struct entity_set	*set;
	const char		*text = "Lin Wei-ting met the Harbour Council "
				    "in Kaohsiung on Monday.";
	char			*cause = NULL;

	(void)state;
	put("entities:\n  - {name: Harbour Council, type: ORG}\n");
	set = extract(text);
	assert_non_null(entity_set_find(set, "Harbour Council"));
	entity_set_free(set);

	f = load();
	assert_int_equal(entfile_ignore(f, "Harbour Council", &cause), 1);
	assert_int_equal(entfile_ignore(f, "Harbour  Council", &cause), 0);
	assert_true(entfile_ignored(f, "Harbour Council"));
	/* The entity stays in the file: ignoring hides it, it is not lost. */
	assert_non_null(entfile_find(f, "Harbour Council"));
	save(f);
	entfile_free(f);
	set = extract(text);
	assert_null(entity_set_find(set, "Harbour Council"));
	entity_set_free(set);

	/* Adding it again takes it off the ignore list. */
	f = load();
	assert_int_equal(entfile_add(f, "Harbour Council", ENTITY_ORG, &cause),
	    1);
	assert_false(entfile_ignored(f, "Harbour Council"));
	entfile_free(f);
}

static void
test_merge(void **state)
{
	struct entfile			*f;
	const struct entfile_entity	*e;
	struct entity_set		*set;
	const struct entity		*m;
	const char			*text = "Chen Mei-ling spoke first. "
					    "Later Meiling Chen (陳美玲) and "
					    "Ms Chen left.";
	const char			*forms[] = { "Meiling Chen", "陳美玲",
					    "Chen Mei-ling" };
	char				*cause = NULL, *s;

	(void)state;
	/* Meiling Chen is an entity of the file with an alias of its own,
	 * and her CJK name is someone else's alias and ignored too. */
	put("entities:\n"
	    "  - {name: Meiling Chen, type: PERSON, aliases: [M. Chen]}\n"
	    "  - {name: Somebody Else, type: PERSON, aliases: [陳美玲]}\n"
	    "ignore: [陳美玲]\n");
	f = load();
	assert_int_equal(entfile_merge(f, "Chen Mei-ling", ENTITY_PERSON, forms,
	    3, &cause), 1);
	assert_null(entfile_find(f, "Meiling Chen"));
	e = entfile_find(f, "Chen Mei-ling");
	assert_non_null(e);
	assert_int_equal(e->type, ENTITY_PERSON);
	assert_int_equal(e->naliases, 3);	/* 2 forms and M. Chen */
	assert_int_equal(entfile_find(f, "Somebody Else")->naliases, 0);
	assert_false(entfile_ignored(f, "陳美玲"));
	/* Merging again changes nothing. */
	assert_int_equal(entfile_merge(f, "Chen Mei-ling", ENTITY_PERSON, forms,
	    3, &cause), 0);
	save(f);
	entfile_free(f);

	s = slurp();
	assert_string_equal(s, "entities:\n"
	    "- name: Chen Mei-ling\n  type: PERSON\n  aliases:\n"
	    "  - M. Chen\n  - Meiling Chen\n  - 陳美玲\n"
	    "- name: Somebody Else\n  type: PERSON\n"
	    "ignore: []\n");
	free(s);

	/* One entity now, the others' forms its aliases. */
	set = extract(text);
	m = entity_set_find(set, "Chen Mei-ling");
	assert_non_null(m);
	assert_string_equal(m->name, "Chen Mei-ling");
	assert_ptr_equal(entity_set_find(set, "Meiling Chen"), m);
	assert_true(has_alias(m, "Meiling Chen"));
	assert_true(m->nspans >= 2);
	entity_set_free(set);
}

/* A hand-written file, in flow and block style, with a name twice,
 * comments and an empty alias list, comes back with everything in it,
 * sorted, and reads the same. */
static void
test_roundtrip_hand_written(void **state)
{
	struct entfile			*f, *g;
	const struct entfile_entity	*e;
	enum entity_type		*types;
	char				*once, *twice, **names;
	size_t				 i, k, n, *nal;

	(void)state;
	put("# my entities\n"
	    "entities:\n"
	    "  - {name: Zeta Labs, type: ORG, aliases: [ZL, 澤塔]}\n"
	    "  - name: \"2049 Fund\"   # a number, quoted\n"
	    "    type: org\n"
	    "    aliases: []\n"
	    "  - name: Anne Wu\n"
	    "    type: PERSON\n"
	    "    aliases:\n"
	    "      - Wu\n"
	    "  - {name: Zeta Labs, type: ORG, aliases: [Zeta]}\n"
	    "ignore:\n"
	    "  - Monday Briefing\n"
	    "  - 'yes'\n");
	f = load();
	assert_int_equal(f->n, 3);
	assert_int_equal(entfile_find(f, "Zeta Labs")->naliases, 3);
	assert_int_equal(entfile_find(f, "2049 Fund")->type, ENTITY_ORG);
	assert_true(entfile_ignored(f, "yes"));
	assert_true(entfile_ignored(f, "Monday Briefing"));
	save(f);
	once = slurp();
	/* One document at a time: each holds the lock. */
	n = f->n;
	types = xcalloc(n, sizeof *types);
	names = xcalloc(n, sizeof *names);
	for (i = 0; i < n; i++) {
		names[i] = xstrdup(f->v[i].name);
		types[i] = f->v[i].type;
	}
	nal = xcalloc(n, sizeof *nal);
	for (i = 0; i < n; i++)
		nal[i] = f->v[i].naliases;
	entfile_free(f);
	g = load();
	assert_int_equal(g->n, n);
	for (i = 0; i < n; i++) {
		e = entfile_find(g, names[i]);
		assert_non_null(e);
		assert_int_equal(e->type, types[i]);
		assert_int_equal(e->naliases, nal[i]);
		for (k = 1; k < e->naliases; k++)
			assert_true(strcmp(e->aliases[k - 1], e->aliases[k]) < 0);
		free(names[i]);
	}
	free(names);
	free(types);
	free(nal);
	assert_int_equal(g->nignore, 2);
	/* Written again, byte for byte the same. */
	save(g);
	twice = slurp();
	assert_string_equal(once, twice);
	assert_string_equal(once, "entities:\n"
	    "- name: 2049 Fund\n  type: ORG\n"
	    "- name: Anne Wu\n  type: PERSON\n  aliases:\n  - Wu\n"
	    "- name: Zeta Labs\n  type: ORG\n  aliases:\n"
	    "  - ZL\n  - Zeta\n  - 澤塔\n"
	    "ignore:\n- Monday Briefing\n- \"yes\"\n");
	free(once);
	free(twice);
	entfile_free(g);
}

/* A file the gazetteer refuses is refused with its position, and an edit
 * is never written over it. */
static void
test_broken_file_refused(void **state)
{
	static const char *const broken[] = {
		"entities:\n  - {name: A, type: ORG\nignore: [x]\n",
		"entities:\n  - {name: A, type: ROBOT}\n",
		"entities:\n  - {name: A, type: ORG, colour: red}\n",
		"ignore: {a: b}\n",
		/* A repeated key: read as the gazetteer reads it or as
		 * entfile did (the first of each), the rewrite lost Bob
		 * Jones; the type and the aliases in the second. */
		("entities: [{name: Alice Smith, type: PERSON}]\n"
		"ignore: [Foo]\n"
		"entities: [{name: Bob Jones, type: PERSON}]\n"),
		("entities:\n  - {name: Bob Jones, type: PERSON, aliases: [Bobby],"
		" type: ORG, aliases: [BJ]}\n"),
	};
	struct entfile	*f;
	char		*cause, *s;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof broken / sizeof broken[0]; i++) {
		put(broken[i]);
		cause = NULL;
		f = entfile_load(path, &cause);
		if (f != NULL) {
			entfile_free(f);	/* and its lock */
			fail_msg("accepted: %s", broken[i]);
		}
		assert_non_null(cause);
		/* file:line:col: message */
		assert_true(strncmp(cause, path, strlen(path)) == 0);
		assert_true(cause[strlen(path)] == ':');
		assert_true(cause[strlen(path) + 1] >= '1' &&
		    cause[strlen(path) + 1] <= '9');
		free(cause);
		s = slurp();
		assert_string_equal(s, broken[i]);
		free(s);
	}
}

/* A document holds the lock while it lives: another instance waits for
 * it, then reads what was written. */
static void
test_lock(void **state)
{
	struct entfile	*f;
	char		*lockpath;
	int		 fd;

	(void)state;
	put("ignore: [A]\n");
	f = load();
	lockpath = xasprintf("%s.lock", path);
	fd = open(lockpath, O_RDWR);
	assert_true(fd != -1);
	assert_int_equal(flock(fd, LOCK_EX | LOCK_NB), -1);
	entfile_free(f);
	assert_int_equal(flock(fd, LOCK_EX | LOCK_NB), 0);
	close(fd);
	free(lockpath);
}

/* The folder is made when the user has none yet. */
static void
test_save_makes_folder(void **state)
{
	struct entfile	*f;
	char		*sub, *p, *cause = NULL;
	struct stat	 st;

	(void)state;
	sub = util_path_join(dir, "new/inkstone");
	p = util_path_join(sub, "entities.yaml");
	f = entfile_load(p, &cause);
	assert_non_null(f);
	assert_int_equal(entfile_ignore(f, "Foo", &cause), 1);
	save(f);
	assert_int_equal(stat(p, &st), 0);
	entfile_free(f);
	free(sub);
	free(p);
}

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	path = util_path_join(dir, "entities.yaml");
	return 0;
}

static int
teardown(void **state)
{
	char *cmd;

	(void)state;
	cmd = xasprintf("rm -rf %s", dir);
	if (system(cmd) != 0)
		return -1;
	free(cmd);
	free(path);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_file_then_add),
		cmocka_unit_test(test_ignore),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_roundtrip_hand_written),
		cmocka_unit_test(test_broken_file_refused),
		cmocka_unit_test(test_lock),
		cmocka_unit_test(test_save_makes_folder),
	};

	return cmocka_run_group_tests_name("entfile", tests, setup, teardown);
}
