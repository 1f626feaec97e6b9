<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'Yz2-DB!e0UpJ76F%bLJDT4daSvLo' );
define( 'DB_HOST', 'localhost' );
define( 'AUTH_KEY', 'gx/)aJne/MJGElIrA(n9AR7p]SX+#)B,X=4b69nu1cq*X2W>?2iBbX<N&f1eZjqV' );
define( 'SECURE_AUTH_KEY', 'a/EF45oYKaAo;F3zur[8<LB8+zb%3t@@nop;+>ryzBbkO5h77#-0m|^NqVWdsajG' );
define( 'LOGGED_IN_KEY', '=CXu^BMHy]mhH~_boW7IfR0JWl[/jg4rJ1p-t/_A6&0Wb)HgMIGSR6RrY5Q4u)KR' );
define( 'NONCE_KEY', 'E276@NE[X7_x,.wR.z>C-tQw,T%C@PmT{-A?#z6LrBYCxHm~i+:AI;t|)7S}/%]N' );
