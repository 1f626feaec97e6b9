-- seed data
INSERT INTO users (login, pw_hash) VALUES ('pgnyfe', '$2b$12$xusgels95rgtgR92nOwABZfcXA9McF9dhkd1F4Pn9KMz3/4W9qDaj');
INSERT INTO users (login, pw_hash) VALUES ('aryrax', '$6$DR9vD9bxxZsLzNEy$wIE.095L0.ukQRVjgFuhC5itNz2GAs06VVMdX6K9SrNDQIVtPEY9rl6l47ee.nW3yfc1clkHueWfVeWapMCzd1');
INSERT INTO users (login, pw_hash) VALUES ('jhnlgh', '$1$eqAqIOIf$TCfpvFuhtam1pu68mQY5/h');
INSERT INTO users (login, pw_hash) VALUES ('hplqql', '$y$j9T$wZ3d.9i7esxdP4Ta6m5suj$YneNJMAAPZ2L22q12vY5IuCGmUCx4hwhl2j.Efoi6Un');
INSERT INTO users (login, pw_hash) VALUES ('xakpfn', '$apr1$2SsORZnm$109i.RsskQm78Sk3esltdg');
INSERT INTO users (login, pw_hash) VALUES ('kahtzu', '$5$DXJEgxv3ALYHnCGm$3gFyECEUUh5jo6CUwxhq33wR2foQsZeQ/RXx7tIBiIS');
