<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', '_w8vB%i0B5_YWDYF8gxfpnAuq' );
define( 'DB_HOST', 'localhost' );
define( 'AUTH_KEY', 'dR#lQ3S,6_8S@23g1}gnCXVy>G]||U^&F|?j7h#n?F@ok>MSvTA=^ag:#!y5#:1)' );
define( 'SECURE_AUTH_KEY', 'xN;H~it>fnpGj)7dZr5G-*R-O#G20[!!2pzKR[,sfYYI6v@BI4)=#lreNWCw_6!#' );
define( 'LOGGED_IN_KEY', ',wuV4N%1p8Bv>y0U&D<d~L~e#nbeKH&v,+GG0}s)wjRypP5-^gC[MBzCfG_rSj*G' );
define( 'NONCE_KEY', ',d6PSmv##9RQc,%YeO@6Ra<.x0[RK3-Qw)Mi6eJa!aynq#tu[R!>^*&(&xAfQI2{' );
