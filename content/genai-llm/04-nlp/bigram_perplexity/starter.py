def bigram_perplexity(train: list[list[str]], test: list[list[str]], alpha: float = 1.0) -> float:
    """Perplexity of an add-alpha smoothed bigram model trained on `train`, measured on `test`.

    Every sentence is a list of tokens, wrapped as "<s>" ... "</s>". The vocabulary V
    is the train tokens plus "</s>" and "<unk>"; test tokens never seen in training
    become "<unk>".
        P(w | prev) = (count(prev, w) + alpha) / (count(prev) + alpha * |V|)
    Perplexity = exp(-mean log P) over every predicted test token, "</s>" included.
    """
    raise NotImplementedError("implement bigram_perplexity")
