name = "café \u00e9 \n \" $${literal} %%{x} 🚀"
legacy = foo.0.bar
splat = a.*.b
