// IBE: RFC 5091 Boneh-Franklin and BB1.
