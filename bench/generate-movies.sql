-- Adds :movies generated movies (bench/run passes 1000000) to a migrated catalogue, with their genres and
-- directors, in a few set-based statements (no row-by-row inserts). Deterministic: the same rows on every run.
--   psql -v movies=1000000 -v people=20000 -f bench/generate-movies.sql
-- Titles come from word lists; release dates spread over 1900-2025; ratings roughly normal around 62 with about
-- 10% unrated; 1-3 genres each from the catalogue's existing genres (common ones more often); 1-2 directors each
-- from :people generated people.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SET work_mem = '64MB';

BEGIN;

-- A repeatable pseudo-random number in [0, 1) from a row number and a salt.
CREATE FUNCTION pg_temp.unit(n bigint, salt int) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ((hashint8(n * 7919 + salt)::bigint & 2147483647)::double precision) / 2147483648.0 $$;

CREATE TEMP TABLE words ON COMMIT DROP AS SELECT
    ARRAY['Silent','Broken','Last','Hidden','Golden','Dark','Lost','Burning','Frozen','Crimson','Endless','Wild',
          'Secret','Forgotten','Electric','Savage','Quiet','Distant','Final','Eternal','Hollow','Little','Long',
          'Lonely','Midnight','Northern','Perfect','Restless','Scarlet','Shattered','Southern','Stolen','Strange',
          'Sweet','Twisted','Violent','Wandering','White','Black','Blue','Cold','Dead','Deep','Empty','Fallen',
          'First','Green','Grey','High','Holy','Iron','Late','Loud','Mad','New','Old','Pale','Red','Rising',
          'Royal','Second','Shadow','Sharp','Steel','Stone','Summer','Winter','Autumn','Spring','Velvet','Wicked',
          'Young','Bitter','Blind','Brave','Bright','Cruel','Crystal','Dangerous','Desperate']::text[] AS adjectives,
    ARRAY['Night','River','City','Heart','Road','Dream','Storm','Kingdom','Empire','Garden','Harbor','House',
          'Island','Journey','Legacy','Mountain','Ocean','Promise','Secret','Shadow','Sky','Song','Soldier','Star',
          'Stranger','Summer','Sun','Tide','Tower','Town','Train','Valley','Voice','War','Water','Wind','Window',
          'Winter','Wolf','World','Angel','Bridge','Brother','Circle','Country','Crown','Dance','Daughter','Desert',
          'Devil','Door','Edge','Engine','Father','Fire','Forest','Friend','Game','Ghost','Girl','Glass','Gold',
          'Hunter','King','Lady','Land','Letter','Light','Machine','Man','Mirror','Moon','Mother','Murder',
          'Music','Paradise','Party','Passage','Prince','Queen','Rain','Rebel','Return','Revenge','Ring','Sea',
          'Shore','Silence','Sister','Son','Spirit','Spy','Street','Sword','Thief','Thunder','Time','Trail',
          'Truth','Voyage','Warrior','Wedding','Widow','Witness','Woman','Year','Blood','Bird','Boy','Child',
          'Code','Company','Day','Earth','Eye','Face','Fear','Flight','Mission','Harvest']::text[] AS nouns,
    ARRAY['James','Mary','John','Patricia','Robert','Jennifer','Michael','Linda','William','Elizabeth','David',
          'Barbara','Richard','Susan','Joseph','Jessica','Thomas','Sarah','Charles','Karen','Akira','Yuki','Hiro',
          'Mei','Wei','Li','Pedro','Maria','Carlos','Ana','Luis','Sofia','Jean','Claire','Pierre','Agnes','Hans',
          'Greta','Lars','Ingrid','Ivan','Olga','Dmitri','Anya','Marco','Giulia','Luca','Chiara','Raj','Priya',
          'Amir','Leila','Kofi','Ama','Sven','Freya','Pablo','Lucia','Tomas','Eva','Nikolai','Irina','Omar',
          'Fatima','Kenji','Sakura','Jin','Min','Ahmed','Noor','Diego','Camila','Felix','Hanna','Oscar','Maja',
          'Victor','Nina','Paul','Rosa','Samuel','Alice','Daniel','Emma','Hugo','Ines','Jonas','Lea','Max',
          'Mila','Noah','Olivia','Rafael','Sara','Theo','Vera','Adrian','Bianca','Chen','Dara']::text[] AS first_names,
    ARRAY['Smith','Johnson','Williams','Brown','Jones','Garcia','Miller','Davis','Rodriguez','Martinez','Hernandez',
          'Lopez','Gonzalez','Wilson','Anderson','Taylor','Moore','Jackson','Martin','Lee','Kurosawa','Tanaka',
          'Suzuki','Yamamoto','Wang','Zhang','Liu','Chen','Silva','Santos','Oliveira','Dubois','Laurent','Moreau',
          'Lefevre','Muller','Schmidt','Schneider','Fischer','Weber','Bergman','Lindqvist','Nilsson','Ivanov',
          'Petrov','Smirnov','Rossi','Russo','Ferrari','Esposito','Bianchi','Sharma','Patel','Singh','Kumar',
          'Hassan','Ali','Mensah','Owusu','Hansen','Jensen','Nielsen','Kowalski','Nowak','Novak','Horvat',
          'Kovacs','Nagy','Popescu','Ionescu','Papadopoulos','Yilmaz','Kaya','Cohen','Levi','Kim','Park','Choi',
          'Nguyen','Tran','Pham','OBrien','Murphy','Kelly','Walsh','Fernandez','Torres','Ramirez','Flores',
          'Castro','Ortiz','Morales','Reyes','Cruz','Herrera','Medina','Vargas','Romero','Alvarez','Mendoza']::text[]
        AS last_names;

CREATE TEMP TABLE first_movie ON COMMIT DROP AS SELECT coalesce(max(id), 0) AS before FROM movie;

-- Titles: (adjective, noun, pattern) gives 80 x 120 x 4 = 38,400 titles; the release date is a function of the
-- movie's number that differs for each repeat of a title, so (lower(title), release_date) is unique among the
-- generated rows. A clash with a sample movie is skipped.
INSERT INTO movie (title, release_date, rating, runtime_minutes)
SELECT g.title, g.release_date,
       CASE WHEN pg_temp.unit(g.n, 1) < 0.10 THEN NULL
            -- Box-Muller: mean 62, sd 14, clamped to 0..100.
            ELSE least(100, greatest(0, round(62 + 14 * sqrt(-2 * ln(1 - pg_temp.unit(g.n, 2)))
                                               * cos(2 * pi() * pg_temp.unit(g.n, 3)))))::smallint END,
       CASE WHEN pg_temp.unit(g.n, 4) < 0.15 THEN NULL
            ELSE least(1500, greatest(1, round(100 + 22 * sqrt(-2 * ln(1 - pg_temp.unit(g.n, 5)))
                                                * cos(2 * pi() * pg_temp.unit(g.n, 6)))))::int END
FROM (
    SELECT n,
           CASE t % 4
               WHEN 0 THEN 'The ' || w.adjectives[1 + (t / 4) % 80] || ' ' || w.nouns[1 + (t / 320) % 120]
               WHEN 1 THEN w.nouns[1 + (t / 320) % 120] || ' of the ' || w.nouns[1 + ((t / 4) % 80 + 7) % 120]
               WHEN 2 THEN w.adjectives[1 + (t / 4) % 80] || ' ' || w.nouns[1 + (t / 320) % 120]
               ELSE 'A ' || w.nouns[1 + (t / 320) % 120] || ' in the ' || w.adjectives[1 + (t / 4) % 80] || ' '
                    || w.nouns[1 + ((t / 4) % 80 + 40) % 120]
           END AS title,
           -- 1900-01-01 plus 0..45,999 days; for a fixed title q -> q * 1699 never repeats (q < 27).
           DATE '1900-01-01' + ((q * 1699 + t * 7919) % 46000)::int AS release_date
    FROM words w,
         LATERAL (SELECT n, n % 38400 AS t, n / 38400 AS q FROM generate_series(0, :movies - 1) AS n) s
) g
ORDER BY g.n
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE generated_movie ON COMMIT DROP AS
SELECT id, row_number() OVER (ORDER BY id) AS n
FROM movie WHERE id > (SELECT before FROM first_movie);

-- The people who direct them, one per name (the database holds that rule): the 10,000 first-last pairs in a
-- scattered order ((n - 1) * 7919 mod 10,000 visits each once), then the same with a middle initial ("A.", ...).
-- A name the sample data already has is left out.
CREATE TEMP TABLE first_person ON COMMIT DROP AS SELECT coalesce(max(id), 0) AS before FROM person;
INSERT INTO person (name)
SELECT w.first_names[1 + x.k % 100] || ' '
       || CASE WHEN n > 10000 THEN chr(64 + ((n - 1) / 10000)::int) || '. ' ELSE '' END
       || w.last_names[1 + x.k / 100]
FROM words w, generate_series(1, :people) AS n, LATERAL (SELECT ((n - 1) * 7919) % 10000 AS k) x
ORDER BY n
ON CONFLICT DO NOTHING;
CREATE TEMP TABLE generated_person ON COMMIT DROP AS
SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM person WHERE id > (SELECT before FROM first_person);

-- 1-3 genres: a skewed first pick, so the genres the sample data uses most stay the most common, then the
-- next ones round the list.
CREATE TEMP TABLE ranked_genre ON COMMIT DROP AS
SELECT g.id, row_number() OVER (ORDER BY count(mg.movie_id) DESC, g.id) - 1 AS k, count(*) OVER () AS total
FROM genre g LEFT JOIN movie_genre mg ON mg.genre_id = g.id
GROUP BY g.id;
INSERT INTO movie_genre (movie_id, genre_id)
SELECT m.id, g.id
FROM generated_movie m
CROSS JOIN LATERAL (SELECT floor(power(pg_temp.unit(m.n, 11), 1.6) * (SELECT count(*) FROM ranked_genre))::int AS first,
                           1 + floor(pg_temp.unit(m.n, 12) * 3)::int AS how_many) pick
CROSS JOIN LATERAL generate_series(0, pick.how_many - 1) AS j
JOIN ranked_genre g ON g.k = (pick.first + j * 3) % g.total
ON CONFLICT DO NOTHING;

-- 1-2 directors (one in four movies has two), distinct, in billing order.
INSERT INTO movie_director (movie_id, person_id, position)
SELECT m.id, p.id, j
FROM generated_movie m
CROSS JOIN (SELECT count(*) AS total FROM generated_person) people
CROSS JOIN LATERAL (SELECT floor(pg_temp.unit(m.n, 21) * people.total)::int AS first,
                           CASE WHEN pg_temp.unit(m.n, 22) < 0.25 THEN 2 ELSE 1 END AS how_many) pick
CROSS JOIN LATERAL generate_series(0, pick.how_many - 1) AS j
JOIN generated_person p ON p.k = (pick.first + j * 7919) % people.total;

COMMIT;

ANALYZE movie;
ANALYZE movie_genre;
ANALYZE movie_director;
ANALYZE person;
ANALYZE genre;
