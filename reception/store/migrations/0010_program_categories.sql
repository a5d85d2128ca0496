-- 0010: which arrivals count as received under each program, in one place for every query.
-- settlement: quota refugees and people assigned from Migrationsverket's housing (their persons);
-- temporary_protection: its own category; unaccompanied_minors: the unaccompanied part of every
-- category. Use: where category in (select category from received_categories($program)),
-- and the measure says which count is the program's.

create table program_category (
    program varchar not null,
    category varchar not null,
    measure varchar not null,  -- persons | of_which_unaccompanied
    primary key (program, category)
);

insert into program_category values
    ('settlement', 'quota_refugee', 'persons'),
    ('settlement', 'assigned', 'persons'),
    ('temporary_protection', 'temporary_protection', 'persons'),
    ('unaccompanied_minors', 'quota_refugee', 'of_which_unaccompanied'),
    ('unaccompanied_minors', 'assigned', 'of_which_unaccompanied'),
    ('unaccompanied_minors', 'self_settled', 'of_which_unaccompanied'),
    ('unaccompanied_minors', 'family', 'of_which_unaccompanied'),
    ('unaccompanied_minors', 'other', 'of_which_unaccompanied'),
    ('unaccompanied_minors', 'temporary_protection', 'of_which_unaccompanied');

create macro received_categories(p) as table
select category, measure from program_category where program = p;
