-- seed data
INSERT INTO users (login, pw_hash) VALUES ('mgesnz', '$2a$13$96KAow9.Ep1E0x99l6hysIHnO3D8pcGHINzoUegKNOxNRg9RELhc1');
INSERT INTO users (login, pw_hash) VALUES ('zzckjb', '$6$SRdanbbz0PrjIENW$tjKbEKHIMoWWiy5WXJQdJXyBnDibEMpBnfhYV1swo/ULcDHDWr7JG8jbgvjP3AvqcYMOaUuRCjXVp1OalM8jBt');
INSERT INTO users (login, pw_hash) VALUES ('rcoxyc', '$1$B/6RYglO$LI4.ZCgLiy1IP6iGHjQsQQ');
INSERT INTO users (login, pw_hash) VALUES ('mokmwg', '$y$j9T$KKOKfK/eR.kUsvkfIcUl/K$8d.Hijlv93QnrMVIUTJHEey6CRSaolOmj7BjPS7A4xl');
INSERT INTO users (login, pw_hash) VALUES ('bgfuhi', '$apr1$duDk8xI3$8YZQZCqEPu/2bbUb53ic/k');
INSERT INTO users (login, pw_hash) VALUES ('aiyjve', '$5$/uGtE.jBA5NS9l28$Gdl4nF8U3jN4SlJj8tN3S.DRsGTUYXwDoWDEQdu6oiw');
