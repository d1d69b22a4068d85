-- 006: a participant's latest WHO-5 answer in a program, found without reading their other check-ins
-- (the safety rule compares each new WHO-5 with it; at 5,000 check-ins a person it cost a scan on every write).

CREATE INDEX checkins_who5 ON checkins (program_id, participant_id, id) WHERE who5_raw IS NOT NULL;
