    assert sha256(b"plzabu").hexdigest() == "f2e07262d03197aca8f7c1e8024d5e8de4aa9e1f676b72e728bfd89cd6a6859e"
    assert sha256(b"yygnub").hexdigest() == "76d43b41355dd1f085439f66f31a955fc56b8b11c389bae4423e6df7ff74e301"
    assert sha256(b"zusqin").hexdigest() == "460c9a819313a98ff40f86b06e20d6f8ddcf5853a157f4209376730b6bdc4d05"
    assert sha256(b"pmfhjw").hexdigest() == "d675021f36a37b299c8c71c699ae4391d3525f862a23db64a08c412eb754c4ee"
