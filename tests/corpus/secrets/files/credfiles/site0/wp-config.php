<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'TAqaF6IzXg3fbOLQ7*m2alk+' );
define( 'DB_HOST', 'localhost' );
define( 'AUTH_KEY', '/Z^PV:E7^I1Rh_Y=ys&(DZic{DTZi~&,9;pE|%6nFrncAF3-}6hktewyx+0S%hVO' );
define( 'SECURE_AUTH_KEY', 'DNU;LE&k>(^=*G}*tL5jX6.YmgV/e+^f3M&w8vB#i0B:?5&YWDYF8g/xfpnAuqdR' );
define( 'LOGGED_IN_KEY', '#lQ3S,6_8S@23g1}gnCXVy>G]||U^&F|?j7h#n?F@ok>MSvTA=^ag:#!y5#:1)xN' );
define( 'NONCE_KEY', ';H~it>fnpGj)7dZr5G-*R-O#G20[!!2pzKR[,sfYYI6v@BI4)=#lreNWCw_6!#,w' );
