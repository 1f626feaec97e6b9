<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'FWTTV3gi9Tb%Rf' );
define( 'DB_HOST', 'localhost' );
define( 'AUTH_KEY', 'u%_b{mYS:5s3G]xurIa!x@e=?@,ys?Q5?po=d,ny&J#kZz|^x(D/YFP0IiAAiJ~Y' );
define( 'SECURE_AUTH_KEY', 'S#f;iYdGPi7V}4-[-R]yZ2L*~q]BkF>yS3>aGU+TTg)M6,}^O@Qyp}0#l*]Fnb,c' );
define( 'LOGGED_IN_KEY', '{/=pe6In%?wRIe4S+7inIy)j2Q|OrQ)>,5oEO_HovKBCpr&t..hW[PjT[bs1[5ZO' );
define( 'NONCE_KEY', 'CP;:?ju-?c-B4]l>e&)NGG4>BJmK{/z[.jn#*13oLy2K>Lgj<Z5<5,&2%EZ%RM5p' );
